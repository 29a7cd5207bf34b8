package io.tally.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.tally.mcp.provider.ProviderConfig;
import io.tally.mcp.provider.WorkspaceProvider;
import io.tally.mcp.tool.CallerToken;
import io.tally.mcp.tool.ModuleOptions;
import io.tally.mcp.tool.ProviderModule;
import io.tally.testkit.hitkeep.FakeHitKeep;
import io.tally.testkit.hitkeep.HitKeepDemo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The three URL forms of a provider ({@code /mcp/<provider>}, {@code /<provider>/mcp}, {@code /mcp} when it is
 * the only one) through the MCP Java SDK client over real HTTP, and a provider whose callers must send
 * {@code X-Workspace-Id} besides their token.
 */
class ProviderRoutesTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void aSingleProviderAnswersAtAllThreeUrlFormsStatelessAndStateful() {
        try (FakeHitKeep fake = TestSupport.startFake()) {
            for (boolean stateful : List.of(false, true)) {
                try (TallyMcpServer server = TestSupport.startServer(TestSupport.module(fake, false),
                        TestSupport.settings().withStateful(stateful), null)) {
                    for (String path : List.of("/mcp/hitkeep", "/hitkeep/mcp", "/mcp")) {
                        try (McpSyncClient client = client(server, path, HitKeepDemo.SHOP_TOKEN, Map.of())) {
                            assertThat(client.getServerInfo().name()).isEqualTo("tally-hitkeep");
                            List<?> sites = (List<?>) TestSupport.call(client, "hitkeep_list_sites", Map.of())
                                    .get("sites");
                            assertThat(sites).as("%s (stateful=%s)", path, stateful).hasSize(1);
                            assertThat(((Map<?, ?>) sites.get(0)).get("id")).isEqualTo(HitKeepDemo.SHOP_SITE_ID);
                        }
                    }
                }
            }
        }
    }

    @Test
    void withSeveralProvidersEachHasItsTwoPathsAndBareMcpIsNotServed() throws Exception {
        WorkspaceProvider workspace = new WorkspaceProvider();
        try (FakeHitKeep fake = TestSupport.startFake();
                TallyMcpServer server = TallyMcpServer.builder().settings(TestSupport.settings())
                        .endpoint(TestSupport.module(fake, false), null)
                        .endpointWithFallback(workspaceModule(workspace), null)
                        .build().start()) {
            assertThat(server.providers()).containsExactly("hitkeep", "workspace");
            for (String path : List.of("/mcp/hitkeep", "/hitkeep/mcp")) {
                try (McpSyncClient client = client(server, path, HitKeepDemo.SHOP_TOKEN, Map.of())) {
                    assertThat(client.getServerInfo().name()).isEqualTo("tally-hitkeep");
                }
            }
            for (String path : List.of("/mcp/workspace", "/workspace/mcp")) {
                try (McpSyncClient client = client(server, path, "tok", Map.of("X-Workspace-Id", "ws-1"))) {
                    assertThat(client.getServerInfo().name()).isEqualTo("tally-workspace");
                    assertThat(TestSupport.call(client, "workspace_whoami", Map.of())).containsEntry("workspace",
                            "ws-1");
                }
            }
            HttpResponse<String> bare = post(server, "/mcp", "tok", Map.of());
            assertThat(bare.statusCode()).isEqualTo(404);
            assertThat(bare.body()).contains("/mcp/hitkeep, /mcp/workspace");
        }
    }

    @Test
    void aRequiredProviderHeaderIsCheckedBeforeAnyToolRuns() throws Exception {
        try (TallyMcpServer server = TallyMcpServer.builder().settings(TestSupport.settings())
                .endpointWithFallback(workspaceModule(new WorkspaceProvider()), null).build().start()) {
            HttpResponse<String> missing = post(server, "/mcp/workspace", "tok", Map.of());
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(missing.body()).contains("\"code\":-32600").contains("Bad Request: send your workspace id as "
                    + "'X-Workspace-Id: <value>' with each request to Workspace");
            HttpResponse<String> tooLong = post(server, "/workspace/mcp", "tok",
                    Map.of("X-Workspace-Id", "w".repeat(300)));
            assertThat(tooLong.statusCode()).isEqualTo(400);
            assertThat(tooLong.body()).contains("X-Workspace-Id must be at most 256 characters").doesNotContain("www");
            assertThat(post(server, "/mcp", null, Map.of("X-Workspace-Id", "ws-1")).statusCode())
                    .as("the token is checked first").isEqualTo(401);
            assertThat(post(server, "/mcp", "tok", Map.of("x-workspace-id", "ws-1")).statusCode())
                    .as("header names are case-insensitive").isEqualTo(200);
        }
    }

    @Test
    void twoCallersInterleavedEachActInTheirOwnWorkspace() throws Exception {
        try (TallyMcpServer server = TallyMcpServer.builder().settings(TestSupport.settings())
                .endpointWithFallback(workspaceModule(new WorkspaceProvider()), null).build().start();
                McpSyncClient a = client(server, "/mcp/workspace", "token-a", Map.of("X-Workspace-Id", "ws-a"));
                McpSyncClient b = client(server, "/mcp/workspace", "token-b", Map.of("X-Workspace-Id", "ws-b"))) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<List<String>> runA = pool.submit(whoami(a, "ws-a", CallerToken.of("token-a").shortHash()));
                Future<List<String>> runB = pool.submit(whoami(b, "ws-b", CallerToken.of("token-b").shortHash()));
                assertThat(runA.get(2, TimeUnit.MINUTES)).as("problems seen by caller a").isEmpty();
                assertThat(runB.get(2, TimeUnit.MINUTES)).as("problems seen by caller b").isEmpty();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void theFallbackCredentialsBringTheirHeadersOnlyToRequestsWithoutAToken() throws Exception {
        WorkspaceProvider workspace = new WorkspaceProvider();
        try (io.tally.mcp.provider.DemoBackend demo = workspace.startDemo();
                TallyMcpServer server = TallyMcpServer.builder().settings(TestSupport.settings())
                        .endpointWithFallback(workspaceModule(workspace), demo.credentials()).build().start()) {
            try (McpSyncClient anonymous = client(server, "/mcp", null, Map.of())) {
                assertThat(TestSupport.call(anonymous, "workspace_whoami", Map.of()))
                        .containsEntry("workspace", WorkspaceProvider.DEMO_WORKSPACE)
                        .containsEntry("caller", CallerToken.of(WorkspaceProvider.DEMO_TOKEN).shortHash());
            }
            assertThat(post(server, "/mcp", "own-token", Map.of()).statusCode())
                    .as("a caller's own token never borrows the demo workspace").isEqualTo(400);
        }
    }

    private static Callable<List<String>> whoami(McpSyncClient client, String workspace, String caller) {
        return () -> {
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Map<String, Object> out = TestSupport.call(client, "workspace_whoami", Map.of());
                if (!workspace.equals(out.get("workspace")) || !caller.equals(out.get("caller"))) {
                    problems.add("call " + i + ": " + out);
                }
            }
            return problems;
        };
    }

    private static ProviderModule workspaceModule(WorkspaceProvider provider) {
        return provider.createModule(new ProviderConfig("http://127.0.0.1:9", null, ModuleOptions.defaults(), "test"));
    }

    /** An initialized MCP SDK client on {@code path} that sends {@code token} (or none) and {@code headers}. */
    private static McpSyncClient client(TallyMcpServer server, String path, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://127.0.0.1:" + server.port())
                .endpoint(path)
                .requestBuilder(request)
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(TIMEOUT)
                .clientInfo(McpSchema.Implementation.builder("tally-test", "1").build())
                .build();
        client.initialize();
        return client;
    }

    /** One initialize request, raw, to see the HTTP status. */
    private static HttpResponse<String> post(TallyMcpServer server, String path, String token,
            Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(RawHttp.INITIALIZE));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build()
                .send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
