package io.tally.mcp.alephant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.tally.alephant.Alephant;
import io.tally.mcp.TallyMcpServer;
import io.tally.mcp.TestSupport;
import io.tally.mcp.tool.CallerCredentials;
import io.tally.mcp.tool.CallerToken;
import io.tally.mcp.tool.ModuleOptions;
import io.tally.mcp.tool.ToolFailure;
import io.tally.testkit.alephant.AlephantDemo;
import io.tally.testkit.alephant.FakeAlephant;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The caller's mode over stateful sessions, and {@code ALEPHANT_RATE_LIMIT_RPM} per credential. */
class AlephantModesTest {
    private static final Map<String, String> WORKSPACE = Map.of("X-Workspace-Id", AlephantDemo.WORKSPACE_ID);

    private final AtomicLong nanos = new AtomicLong(1_000);

    private static McpSyncClient client(TallyMcpServer server, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder().header("Authorization", "Bearer " + token);
        headers.forEach(request::header);
        McpSyncClient client = McpClient
                .sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.port())
                        .endpoint("/mcp/alephant").requestBuilder(request).build())
                .requestTimeout(Duration.ofSeconds(20)).enableCallToolSchemaCaching(true)
                .clientInfo(McpSchema.Implementation.builder("tally-test", "1").build()).build();
        client.initialize();
        return client;
    }

    private AlephantModule module(FakeAlephant fake, int rpm) {
        Alephant base = Alephant.builder().baseUrl(fake.baseUrl()).analyticsBaseUrl(fake.baseUrl()).maxRetries(0)
                .build();
        return AlephantModule.create(base, null, ModuleOptions.defaults().withAllowWrites(true),
                new CallBudget(rpm, nanos::get));
    }

    @Test
    void statefulSessionsKeepTheModeOfTheirCredential() {
        try (FakeAlephant fake = FakeAlephant.start();
                TallyMcpServer server = TallyMcpServer.builder().settings(TestSupport.settings().withStateful(true)
                        // the clients' event streams stay open until the server stops: do not wait for them
                        .withGuard(TestSupport.settings().guard().withShutdownGrace(Duration.ofMillis(200))))
                        .endpoint(module(fake, 0), null).build().start();
                McpSyncClient vk = client(server, AlephantDemo.MEMBER_VK, Map.of());
                McpSyncClient manager = client(server, AlephantDemo.ADMIN_PAT, WORKSPACE)) {
            assertThat(vk.listTools().tools()).hasSize(8);
            assertThat(manager.listTools().tools()).hasSize(27);
            assertThat(TestSupport.call(vk, "get_my_scope", Map.of())).containsKey("virtual_key");
            assertThat(TestSupport.call(manager, "list_departments", Map.of())).containsKey("departments");
            assertThat(TestSupport.error(vk, "get_live_24h", Map.of()))
                    .startsWith("get_live_24h is a manager-mode tool");
            assertThat(vk.getServerCapabilities().prompts()).isNotNull();
            assertThat(vk.listPrompts().prompts()).hasSize(1);
            assertThat(manager.listPrompts().prompts()).hasSize(4);
        }
    }

    @Test
    void eachCredentialHasItsOwnCallsPerMinute() {
        try (FakeAlephant fake = FakeAlephant.start();
                TallyMcpServer server = TallyMcpServer.builder().settings(TestSupport.settings())
                        .endpoint(module(fake, 3), null).build().start();
                McpSyncClient agent = client(server, AlephantDemo.AGENT_VK, Map.of());
                McpSyncClient member = client(server, AlephantDemo.MEMBER_VK, Map.of())) {
            for (int i = 0; i < 3; i++) {
                TestSupport.call(agent, "get_my_budget", Map.of());
            }
            long sent = fake.requests().size();
            assertThat(TestSupport.error(agent, "get_my_budget", Map.of()))
                    .startsWith("Rate limit exceeded. Retry after 20 seconds.").contains("ALEPHANT_RATE_LIMIT_RPM");
            assertThat(fake.requests()).as("nothing sent over the rate").hasSize((int) sent);
            TestSupport.call(member, "get_my_budget", Map.of());
            nanos.addAndGet(Duration.ofSeconds(20).toNanos());
            TestSupport.call(agent, "get_my_budget", Map.of());
        }
    }

    @Test
    void aCompositeCountsEachOfItsCallsBeforeSendingAny() {
        try (FakeAlephant fake = FakeAlephant.start();
                TallyMcpServer server = TallyMcpServer.builder().settings(TestSupport.settings())
                        .endpoint(module(fake, 5), null).build().start();
                McpSyncClient manager = client(server, AlephantDemo.ADMIN_PAT, WORKSPACE)) {
            TestSupport.call(manager, "diagnose_cost_anomaly", Map.of("period", "7d"));
            long sent = fake.requests().size();
            assertThat(TestSupport.error(manager, "get_executive_dashboard", Map.of()))
                    .as("3 calls needed, 1 left").startsWith("Rate limit exceeded. Retry after 24 seconds.");
            assertThat(fake.requests()).as("none of its calls sent").hasSize((int) sent);
            TestSupport.call(manager, "list_departments", Map.of());
        }
    }

    @Test
    void theSettingIsAWholeNumberAndZeroTurnsItOff() {
        assertThat(CallBudget.parse(null)).isEqualTo(60);
        assertThat(CallBudget.parse(" ")).isEqualTo(60);
        assertThat(CallBudget.parse("0")).isZero();
        assertThat(CallBudget.parse(" 120 ")).isEqualTo(120);
        assertThatThrownBy(() -> CallBudget.parse("-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ALEPHANT_RATE_LIMIT_RPM").hasMessageContaining("'-1'");
        assertThatThrownBy(() -> CallBudget.parse("fast")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> new CallBudget(-1, nanos::get)).isInstanceOf(IllegalArgumentException.class);
        CallBudget off = new CallBudget(0, nanos::get);
        for (int i = 0; i < 1_000; i++) {
            off.charge("a", 4);
        }
        CallBudget small = new CallBudget(2, nanos::get);
        small.charge("a", 9);
        assertThatThrownBy(() -> small.charge("a", 1)).isInstanceOf(ToolFailure.class)
                .hasMessageStartingWith("Rate limit exceeded. Retry after 30 seconds.");
    }

    @Test
    void theModeComesFromTheCredential() {
        try (FakeAlephant fake = FakeAlephant.start()) {
            AlephantModule m = module(fake, 0);
            assertThat(m.modeOf(CallerCredentials.bearer(AlephantDemo.AGENT_VK))).isEqualTo("VK");
            assertThat(m.modeOf(CallerCredentials.of(CallerToken.of(AlephantDemo.READ_PAT), WORKSPACE)))
                    .isEqualTo("manager");
            assertThatThrownBy(() -> m.modeOf(CallerCredentials.bearer(AlephantDemo.READ_PAT)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Workspace-Id")
                    .hasMessageNotContaining(AlephantDemo.READ_PAT);
            assertThat(m.serverMode()).isEmpty();
            assertThat(m.mode("VK").tools()).hasSize(8);
            assertThat(m.mode("manager").tools()).hasSize(27);
            assertThat(m.mode("manager").prompts()).containsExactlyInAnyOrder("cost_audit_report", "cost_optimization",
                    "workspace_health_check", "cost_deep_dive");
            assertThat(m.mode("VK").instructions()).contains("VK mode").doesNotContain("diagnose_cost_anomaly");
            Alephant base = Alephant.builder().baseUrl(fake.baseUrl()).build();
            AlephantModule stdio = AlephantModule.create(base, CallerCredentials.bearer(AlephantDemo.AGENT_VK),
                    ModuleOptions.defaults());
            assertThat(stdio.serverMode()).contains("VK");
            assertThat(stdio.mode("manager").tools()).as("without --allow-writes").hasSize(23);
            assertThatThrownBy(() -> m.mode("admin")).isInstanceOf(IllegalArgumentException.class);
            assertThat(List.of(stdio.budget().rpm(), m.budget().rpm())).containsExactly(60, 0);
        }
    }
}
