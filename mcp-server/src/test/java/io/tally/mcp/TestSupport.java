package io.tally.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.tally.hitkeep.HitKeep;
import io.tally.mcp.hitkeep.HitKeepModule;
import io.tally.testkit.hitkeep.FakeHitKeep;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Shared setup of the end-to-end tests: a FakeHitKeep on a fixed clock and the MCP server in front of it. */
public final class TestSupport {
    /** The fixed "now" of the fake and of the MCP server, so default windows match exactly. */
    public static final Instant NOW = Instant.parse("2026-06-25T10:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private TestSupport() {}

    /** A fake HitKeep with the demo data, generated for {@link #NOW}. */
    public static FakeHitKeep startFake() {
        return FakeHitKeep.builder().clock(CLOCK).now(NOW).start();
    }

    /** A HitKeep SDK client against the fake, to compute the values the tools must return. */
    public static HitKeep sdk(FakeHitKeep fake, String token) {
        return HitKeep.builder().baseUrl(fake.baseUrl()).apiToken(token).maxRetries(0).build();
    }

    /** The HitKeep module over the fake, without a server-side token. */
    public static HitKeepModule module(FakeHitKeep fake, boolean allowWrites) {
        HitKeep base = HitKeep.builder().baseUrl(fake.baseUrl()).maxRetries(0).build();
        return HitKeepModule.create(base,
                io.tally.mcp.tool.ModuleOptions.defaults().withAllowWrites(allowWrites).withClock(CLOCK));
    }

    /** Loopback, a free port, and rate limits high enough (or off) not to get in the way. */
    public static HttpSettings settings() {
        return HttpSettings.defaults().withPort(0).withRateLimit(1_000_000, 100_000)
                .withGuard(
                        io.tally.mcp.http.GuardSettings.defaults().withPerAddressLimit(0, 1).withUnverifiedLimit(0, 1)
                                .withUpstream(0, 1, 4, Duration.ofSeconds(10)));
    }

    /** Starts the MCP server with one HitKeep endpoint. */
    public static TallyMcpServer startServer(HitKeepModule module, HttpSettings settings, String fallbackToken) {
        return TallyMcpServer.builder().settings(settings).endpoint(module, fallbackToken).build().start();
    }

    /** An initialized MCP SDK client over Streamable HTTP that sends {@code token} (or none) on every request. */
    public static McpSyncClient client(URI endpoint, String token) {
        String base = endpoint.getScheme() + "://" + endpoint.getAuthority();
        HttpRequest.Builder request = HttpRequest.newBuilder();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base)
                .endpoint(endpoint.getPath())
                .requestBuilder(request)
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(20))
                // the client checks every structured result against the tool's output schema
                .enableCallToolSchemaCaching(true)
                .clientInfo(McpSchema.Implementation.builder("tally-test", "1").build())
                .build();
        client.initialize();
        return client;
    }

    /** Calls a tool that must succeed; returns its structured content. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> call(McpSyncClient client, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult result = client
                .callTool(McpSchema.CallToolRequest.builder(tool).arguments(args).build());
        assertThat(result.isError()).as("%s failed: %s", tool, result.content()).isFalse();
        assertThat(result.structuredContent()).as("%s structured content", tool).isInstanceOf(Map.class);
        assertThat(result.content()).as("%s text content", tool).hasSize(1);
        return (Map<String, Object>) result.structuredContent();
    }

    /** Calls a tool that must fail; returns the error text. */
    public static String error(McpSyncClient client, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult result = client
                .callTool(McpSchema.CallToolRequest.builder(tool).arguments(args).build());
        assertThat(result.isError()).as("%s should have failed: %s", tool, result.structuredContent()).isTrue();
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    /** A number from structured content as a long. */
    public static long asLong(Object value) {
        return ((Number) value).longValue();
    }

    /** A number from structured content as a double. */
    public static double asDouble(Object value) {
        return ((Number) value).doubleValue();
    }
}
