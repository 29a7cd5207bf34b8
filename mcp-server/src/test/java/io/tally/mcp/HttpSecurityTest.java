package io.tally.mcp;

import static io.tally.mcp.TestSupport.call;
import static io.tally.mcp.TestSupport.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.tally.testkit.hitkeep.FakeHitKeep;
import io.tally.testkit.hitkeep.HitKeepDemo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP layer in front of the MCP transport: auth, DNS-rebinding checks, body limit, rate limit, writes flag. */
class HttpSecurityTest {
    private static FakeHitKeep fake;
    private static TallyMcpServer server;
    private static int port;

    @BeforeAll
    static void start() {
        fake = TestSupport.startFake();
        server = TestSupport.startServer(TestSupport.module(fake, false),
                TestSupport.settings().withMaxBodyBytes(4096).withAllowedOrigins(List.of("https://app.example.com")),
                null);
        port = server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
        fake.close();
    }

    @Test
    void requestWithoutTokenGets401WithBearerChallenge() throws Exception {
        RawHttp.Response r = RawHttp.post(port, RawHttp.TOOLS_LIST);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(r.body()).contains("Authorization: Bearer");
    }

    @Test
    void malformedAuthorizationGets401() throws Exception {
        RawHttp.Response basic = RawHttp.post(port, RawHttp.TOOLS_LIST, "Authorization: Basic dXNlcjpwYXNz");
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.header("WWW-Authenticate")).contains("error=\"invalid_request\"");
        assertThat(RawHttp.post(port, RawHttp.TOOLS_LIST, "Authorization: Bearer ").status()).isEqualTo(401);
    }

    @Test
    void validTokenIsServed() throws Exception {
        RawHttp.Response r = RawHttp.post(port, RawHttp.TOOLS_LIST, "Authorization: Bearer " + HitKeepDemo.TOKEN);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("hitkeep_list_sites");
    }

    @Test
    void foreignOriginIsRefusedAgainstDnsRebinding() throws Exception {
        RawHttp.Response r = RawHttp.post(port, RawHttp.TOOLS_LIST, "Authorization: Bearer " + HitKeepDemo.TOKEN,
                "Origin: http://evil.example");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("Origin", "DNS rebinding");
    }

    @Test
    void foreignHostIsRefusedAgainstDnsRebinding() throws Exception {
        RawHttp.Response r = RawHttp.post(port, RawHttp.TOOLS_LIST, "Host: evil.example:" + port,
                "Authorization: Bearer " + HitKeepDemo.TOKEN);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("Host");
    }

    @Test
    void loopbackAndConfiguredOriginsAreAccepted() throws Exception {
        assertThat(RawHttp.post(port, RawHttp.TOOLS_LIST, "Authorization: Bearer " + HitKeepDemo.TOKEN,
                "Origin: http://localhost:6274").status()).isEqualTo(200);
        assertThat(RawHttp.post(port, RawHttp.TOOLS_LIST, "Authorization: Bearer " + HitKeepDemo.TOKEN,
                "Origin: https://app.example.com").status()).isEqualTo(200);
        assertThat(RawHttp.post(port, RawHttp.TOOLS_LIST, "Host: localhost:" + port,
                "Authorization: Bearer " + HitKeepDemo.TOKEN).status()).isEqualTo(200);
    }

    @Test
    void oversizedBodyGets413WhetherDeclaredOrChunked() throws Exception {
        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"pad\":\"" + "x".repeat(5000)
                + "\"}}";
        RawHttp.Response declared = RawHttp.post(port, big, "Authorization: Bearer " + HitKeepDemo.TOKEN);
        assertThat(declared.status()).isEqualTo(413);
        RawHttp.Response chunked = RawHttp.post(port, big, "Authorization: Bearer " + HitKeepDemo.TOKEN,
                "Transfer-Encoding: chunked");
        assertThat(chunked.status()).isEqualTo(413);
    }

    @Test
    void forbiddenSiteIsAToolErrorThatNamesTheMissingGrant() {
        try (McpSyncClient client = TestSupport.client(server.endpoint("hitkeep"), HitKeepDemo.SHOP_TOKEN)) {
            String message = error(client, "hitkeep_get_site_overview", Map.of("site_id", HitKeepDemo.BLOG_SITE_ID));
            assertThat(message).contains("403", "no site.view grant on site " + HitKeepDemo.BLOG_SITE_ID,
                    "add a site role for the API client");
        }
    }

    @Test
    void unknownTokenIsAToolErrorThatSaysSo() {
        try (McpSyncClient client = TestSupport.client(server.endpoint("hitkeep"), "no-such-token")) {
            assertThat(error(client, "hitkeep_list_sites", Map.of())).contains("401", "unknown, revoked or expired");
        }
    }

    @Test
    void teamTokenOnUserBoundRouteIsExplained() {
        try (McpSyncClient client = TestSupport.client(server.endpoint("hitkeep"), HitKeepDemo.TEAM_TOKEN)) {
            assertThat(error(client, "hitkeep_get_site_overview", Map.of("site_id", HitKeepDemo.SHOP_SITE_ID)))
                    .contains("team API clients", "personal API client");
        }
    }

    @Test
    void unknownArgumentIsNamed() {
        try (McpSyncClient client = TestSupport.client(server.endpoint("hitkeep"), HitKeepDemo.TOKEN)) {
            assertThat(error(client, "hitkeep_get_event_names", Map.of("siteId", HitKeepDemo.SHOP_SITE_ID)))
                    .isEqualTo("unknown argument 'siteId'; hitkeep_get_event_names takes: from, limit, site_id, to");
        }
    }

    @Test
    void logsCarryAShortHashOfTheTokenNeverTheToken() throws Exception {
        String token = "tok-never-in-a-log-" + System.nanoTime();
        fake.addToken(token,
                io.tally.testkit.hitkeep.Grant.site(HitKeepDemo.SHOP_SITE_ID, io.tally.testkit.hitkeep.Role.VIEWER));
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try (McpSyncClient client = TestSupport.client(server.endpoint("hitkeep"), token)) {
            call(client, "hitkeep_list_sites", Map.of());
            error(client, "hitkeep_get_event_names", Map.of("site_id", HitKeepDemo.BLOG_SITE_ID));
            RawHttp.post(port, RawHttp.TOOLS_LIST, "Authorization: Bearer " + token, "Origin: http://evil.example");
        } finally {
            System.setErr(original);
        }
        String logs = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(logs).contains("caller=" + io.tally.mcp.tool.CallerToken.of(token).shortHash())
                .doesNotContain(token);
    }

    @Test
    void rateLimitPerTokenAnswers429WithRetryAfterAndRefills() throws Exception {
        AtomicLong nanos = new AtomicLong();
        try (TallyMcpServer limited = TestSupport.startServer(TestSupport.module(fake, false),
                TestSupport.settings().withRateLimit(60, 2).withNanoTime(nanos::get), null)) {
            int p = limited.port();
            String alice = "Authorization: Bearer " + HitKeepDemo.TOKEN;
            String bob = "Authorization: Bearer " + HitKeepDemo.SHOP_TOKEN;
            assertThat(RawHttp.post(p, RawHttp.TOOLS_LIST, alice).status()).isEqualTo(200);
            assertThat(RawHttp.post(p, RawHttp.TOOLS_LIST, alice).status()).isEqualTo(200);
            RawHttp.Response limitedResponse = RawHttp.post(p, RawHttp.TOOLS_LIST, alice);
            assertThat(limitedResponse.status()).isEqualTo(429);
            assertThat(limitedResponse.header("Retry-After")).isEqualTo("1");
            assertThat(RawHttp.post(p, RawHttp.TOOLS_LIST, bob).status()).as("another token has its own bucket")
                    .isEqualTo(200);
            nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
            assertThat(RawHttp.post(p, RawHttp.TOOLS_LIST, alice).status()).isEqualTo(200);
        }
    }

    @Test
    void fallbackTokenServesRequestsWithoutOne() {
        try (TallyMcpServer demo = TestSupport.startServer(TestSupport.module(fake, false), TestSupport.settings(),
                HitKeepDemo.SHOP_TOKEN);
                McpSyncClient anonymous = TestSupport.client(demo.endpoint("hitkeep"), null);
                McpSyncClient withOwnToken = TestSupport.client(demo.endpoint("hitkeep"), HitKeepDemo.TOKEN)) {
            assertThat((List<?>) call(anonymous, "hitkeep_list_sites", Map.of()).get("sites")).hasSize(1);
            assertThat((List<?>) call(withOwnToken, "hitkeep_list_sites", Map.of()).get("sites"))
                    .as("a caller's own token wins over the fallback").hasSize(3);
        }
    }

    @Test
    void writeToolsExistOnlyWithAllowWritesAndIngestThroughTheSdk() {
        try (TallyMcpServer writable = TestSupport.startServer(TestSupport.module(fake, true), TestSupport.settings(),
                null);
                McpSyncClient admin = TestSupport.client(writable.endpoint("hitkeep"), HitKeepDemo.ADMIN_TOKEN);
                McpSyncClient viewer = TestSupport.client(writable.endpoint("hitkeep"), HitKeepDemo.TOKEN)) {
            McpSchema.Tool pageview = admin.listTools().tools().stream()
                    .filter(t -> t.name().equals("hitkeep_ingest_pageview")).findFirst().orElseThrow();
            assertThat(pageview.annotations().readOnlyHint()).isFalse();
            assertThat(pageview.annotations().idempotentHint()).isFalse();
            assertThat(admin.listTools().tools()).extracting(McpSchema.Tool::name).contains("hitkeep_ingest_event");

            fake.clearRequests();
            Map<String, Object> out = call(admin, "hitkeep_ingest_pageview", Map.of(
                    "url", "https://shop.example.com/pricing?utm_source=mcp", "visitor_ip", "203.0.113.7",
                    "user_agent", "Mozilla/5.0 (X11; Linux x86_64)", "timestamp", "2026-06-25T09:00:00Z"));
            assertThat(out).containsEntry("accepted", true).containsEntry("timestamp", "2026-06-25T09:00:00Z");
            call(admin, "hitkeep_ingest_event", Map.of("url", "https://shop.example.com/", "name", "signup",
                    "visitor_ip", "203.0.113.7", "user_agent", "Mozilla/5.0", "properties", Map.of("plan", "pro")));
            assertThat(fake.ingested()).hasSize(2);
            assertThat(fake.ingested().get(0).siteId()).isEqualTo(HitKeepDemo.SHOP_SITE_ID);
            assertThat(fake.ingested().get(1).field("name")).isEqualTo("signup");

            assertThat(error(viewer, "hitkeep_ingest_event", Map.of("url", "https://shop.example.com/", "name", "x",
                    "visitor_ip", "203.0.113.7", "user_agent", "Mozilla/5.0"))).contains("403", "site.manage_data");
        }
    }
}
