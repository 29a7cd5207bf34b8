package io.tally.mcp.engagetrack;

import static io.tally.mcp.TestSupport.asDouble;
import static io.tally.mcp.TestSupport.asLong;
import static io.tally.mcp.TestSupport.call;
import static io.tally.mcp.TestSupport.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.tally.engagetrack.EngageTrack;
import io.tally.engagetrack.Period;
import io.tally.engagetrack.model.ChannelReport;
import io.tally.engagetrack.model.FunnelAnalysis;
import io.tally.engagetrack.model.VisitorPage;
import io.tally.mcp.TallyMcpServer;
import io.tally.mcp.TestSupport;
import io.tally.mcp.provider.DemoBackend;
import io.tally.mcp.provider.ProviderConfig;
import io.tally.mcp.tool.ModuleOptions;
import io.tally.mcp.tool.ProviderModule;
import io.tally.testkit.engagetrack.EngageTrackDemo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EngageTrack tools over real Streamable HTTP, called with the MCP Java SDK client, against the provider's
 * {@code --demo} backend (FakeEngageTrack); expected values come from the EngageTrack SDK asking the same fake.
 */
class EngageTrackToolsEndToEndTest {
    private static final String SHOP = EngageTrackDemo.SHOP_SITE_ID;
    static final Set<String> TOOLS = new TreeSet<>(List.of("engagetrack_list_sites", "engagetrack_get_stats",
            "engagetrack_get_top_pages", "engagetrack_get_channels", "engagetrack_get_traffic",
            "engagetrack_analyze_funnel",
            "engagetrack_list_visitors", "engagetrack_get_visitor_timeline", "engagetrack_get_mcp_help"));

    private static DemoBackend demo;
    private static TallyMcpServer server;
    private static McpSyncClient client;
    private static EngageTrack sdk;

    @BeforeAll
    static void start() {
        EngageTrackProvider provider = new EngageTrackProvider();
        demo = provider.startDemo();
        ProviderModule module = provider
                .createModule(new ProviderConfig(demo.baseUrl(), null, ModuleOptions.defaults(), "tally-test"));
        server = TallyMcpServer.builder().settings(TestSupport.settings())
                .endpointWithFallback(module, demo.credentials())
                .build().start();
        client = TestSupport.client(server.endpoint("engagetrack"), null);
        sdk = EngageTrack.builder().baseUrl(demo.baseUrl()).apiKey(EngageTrackDemo.API_KEY)
                .organizationId(EngageTrackDemo.ORG_ID).maxRetries(0).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
        demo.close();
    }

    private static Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> out, String key) {
        return (List<Map<String, Object>>) out.get(key);
    }

    @Test
    void listsEveryToolWithSchemasAnnotationsAndPersonalDataWarnings() {
        Set<String> names = new TreeSet<>();
        for (McpSchema.Tool t : client.listTools().tools()) {
            names.add(t.name());
            assertThat(t.description()).as(t.name()).hasSizeGreaterThan(60);
            assertThat(t.inputSchema()).as(t.name()).containsEntry("type", "object");
            assertThat(t.outputSchema()).as(t.name()).containsEntry("type", "object");
            assertThat(t.annotations().readOnlyHint()).as(t.name()).isTrue();
            if (t.name().contains("visitor")) {
                assertThat(t.description()).as(t.name()).contains("PERSONAL DATA");
            }
        }
        assertThat(names).isEqualTo(TOOLS);
        assertThat(client.getServerInstructions()).contains("engagetrack_list_sites");
    }

    @Test
    void sitesStatsWithComparisonAndTopPages() {
        Map<String, Object> sites = call(client, "engagetrack_list_sites", args());
        assertThat(rows(sites, "sites")).extracting(s -> s.get("id")).containsExactly(SHOP,
                EngageTrackDemo.BLOG_SITE_ID);

        Map<String, Object> stats = call(client, "engagetrack_get_stats", args("site_id", SHOP, "period", "7d"));
        long expected = sdk.analytics().stats(SHOP).period(Period.SEVEN_DAYS).execute().number("pageviews").getAsLong();
        @SuppressWarnings("unchecked")
        Map<String, Object> now = (Map<String, Object>) stats.get("stats");
        assertThat(asLong(now.get("pageviews"))).isEqualTo(expected);
        assertThat(stats).containsKeys("previous", "change_percent", "previous_from");

        Map<String, Object> pages = call(client, "engagetrack_get_top_pages", args("site_id", SHOP, "limit", 3));
        assertThat(rows(pages, "pages")).hasSize(3);
        assertThat(pages).containsEntry("truncated", true);
    }

    @Test
    void channelsCarryRevenueAndCurrency() {
        ChannelReport expected = sdk.analytics().channels(SHOP).period(Period.THIRTY_DAYS).limit(100).execute();
        Map<String, Object> out = call(client, "engagetrack_get_channels", args("site_id", SHOP, "limit", 100));
        assertThat(out).containsEntry("currency", "USD");
        assertThat(rows(out, "channels")).hasSize(expected.channels().size());
        assertThat(asDouble(rows(out, "channels").get(0).get("total_revenue")))
                .isEqualTo(expected.channels().get(0).totalRevenue());

        Map<String, Object> refs = call(client, "engagetrack_get_traffic",
                args("site_id", SHOP, "dimension", "referrers"));
        assertThat(rows(refs, "rows")).isNotEmpty();
        assertThat(refs).containsEntry("dimension", "referrers");
    }

    @Test
    void visitorsAndTimelineAndFunnel() {
        VisitorPage expected = sdk.visitors().list(SHOP).limit(5).execute();
        Map<String, Object> out = call(client, "engagetrack_list_visitors", args("site_id", SHOP, "limit", 5));
        assertThat(rows(out, "visitors")).extracting(v -> v.get("id"))
                .containsExactlyElementsOf(expected.visitors().stream().map(v -> v.id()).toList());
        assertThat(asLong(out.get("total"))).isGreaterThanOrEqualTo(200);
        assertThat(out).containsEntry("truncated", true);

        String visitor = expected.visitors().get(0).id();
        Map<String, Object> t = call(client, "engagetrack_get_visitor_timeline",
                args("site_id", SHOP, "visitor_id", visitor));
        assertThat(rows(t, "events")).isNotEmpty();

        FunnelAnalysis f = sdk.funnels().analyze(SHOP, EngageTrackDemo.CHECKOUT_FUNNEL_ID).execute();
        Map<String, Object> funnel = call(client, "engagetrack_analyze_funnel",
                args("site_id", SHOP, "funnel_id", EngageTrackDemo.CHECKOUT_FUNNEL_ID));
        assertThat(rows(funnel, "steps")).hasSize(3);
        assertThat(asLong(rows(funnel, "steps").get(0).get("visitors"))).isEqualTo(f.steps().get(0).visitors());
    }

    @Test
    void errorsNameTheMissingScopeAndBadArguments() throws Exception {
        McpSyncClient noOrg = TestSupport.client(server.endpoint("engagetrack"), EngageTrackDemo.REPORTING_API_KEY);
        try {
            assertThat(error(noOrg, "engagetrack_list_sites", args())).contains("X-EngageTrack-Org-Id");
        } finally {
            noOrg.close();
        }
        McpSyncClient reporting = clientWithOrg(EngageTrackDemo.REPORTING_API_KEY);
        try {
            assertThat(error(reporting, "engagetrack_list_visitors", args("site_id", SHOP)))
                    .contains("lacks the scope visitors:read").contains("Create a key that includes visitors:read")
                    .doesNotContain(EngageTrackDemo.REPORTING_API_KEY);
        } finally {
            reporting.close();
        }
        assertThat(error(client, "engagetrack_get_stats", args("site_id", SHOP, "from", "2026-03-01")))
                .contains("from and to go together");
        assertThat(error(client, "engagetrack_get_stats", args("site_id", SHOP, "period", "week")))
                .contains("expected one of day, 7d, 30d, month, 12mo");
    }

    /** An MCP client that sends its own key and the demo organisation. */
    private static McpSyncClient clientWithOrg(String key) {
        URI endpoint = server.endpoint("engagetrack");
        var transport = io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport
                .builder(endpoint.getScheme() + "://" + endpoint.getAuthority())
                .endpoint(endpoint.getPath())
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + key)
                        .header("X-EngageTrack-Org-Id", EngageTrackDemo.ORG_ID))
                .build();
        McpSyncClient c = io.modelcontextprotocol.client.McpClient.sync(transport)
                .requestTimeout(java.time.Duration.ofSeconds(20))
                .clientInfo(McpSchema.Implementation.builder("tally-test", "1").build()).build();
        c.initialize();
        return c;
    }

    @Test
    void theOperatorCanLeaveOutTheVisitorTools() {
        assertThat(EngageTrackProvider.visitorToolsEnabled(null)).isTrue();
        assertThat(EngageTrackProvider.visitorToolsEnabled("off")).isFalse();
        EngageTrackModule without = EngageTrackModule.create(sdk, ModuleOptions.defaults(), false);
        assertThat(without.tools()).extracting(t -> t.name())
                .doesNotContain("engagetrack_list_visitors", "engagetrack_get_visitor_timeline")
                .contains("engagetrack_get_stats");
        assertThat(without.instructions()).doesNotContain("personal data");
    }

    @Test
    void theProviderIsDiscoveredAndServedAtItsPath() throws Exception {
        assertThat(io.tally.mcp.provider.ProviderRegistry.discovered().names()).contains("engagetrack");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                server.endpoint("engagetrack").toString())).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(server.endpoint("engagetrack").getPath()).isEqualTo("/mcp/engagetrack");
        assertThat(r.statusCode()).isNotEqualTo(404);
    }
}
