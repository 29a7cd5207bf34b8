package io.tally.mcp.hitkeep;

import static io.tally.mcp.TestSupport.NOW;
import static io.tally.mcp.TestSupport.asDouble;
import static io.tally.mcp.TestSupport.asLong;
import static io.tally.mcp.TestSupport.call;
import static io.tally.mcp.TestSupport.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.tally.core.time.DateRange;
import io.tally.hitkeep.HitKeep;
import io.tally.hitkeep.model.EcommerceSummary;
import io.tally.hitkeep.model.Funnel;
import io.tally.hitkeep.model.FunnelStats;
import io.tally.hitkeep.model.Goal;
import io.tally.hitkeep.model.MetricStat;
import io.tally.hitkeep.model.Opportunity;
import io.tally.hitkeep.model.QrCode;
import io.tally.hitkeep.model.QrCodeSummary;
import io.tally.hitkeep.model.SearchConsoleOverview;
import io.tally.hitkeep.model.SiteStats;
import io.tally.hitkeep.model.WebVitalSummaryMetric;
import io.tally.mcp.TallyMcpServer;
import io.tally.mcp.TestSupport;
import io.tally.testkit.hitkeep.FakeHitKeep;
import io.tally.testkit.hitkeep.HitKeepDemo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every HitKeep tool over real Streamable HTTP, called with the MCP Java SDK client, against FakeHitKeep's demo
 * data; expected values come from the HitKeep SDK asking the same fake the same question.
 */
class HitKeepToolsEndToEndTest {
    private static final String SHOP = HitKeepDemo.SHOP_SITE_ID;
    private static final String DOCS = HitKeepDemo.DOCS_SITE_ID;
    private static final DateRange DEFAULT_WINDOW = DateRange.between(NOW.minus(Duration.ofDays(30)), NOW);

    /** The read-only tools, each exercised by a test below. */
    static final Set<String> READ_TOOLS = new TreeSet<>(List.of(
            "hitkeep_list_sites", "hitkeep_get_site_overview", "hitkeep_get_event_names", "hitkeep_get_event_breakdown",
            "hitkeep_get_ecommerce", "hitkeep_get_web_vitals", "hitkeep_get_ai_visibility", "hitkeep_get_opportunities",
            "hitkeep_get_search_console_status", "hitkeep_get_search_console", "hitkeep_get_mcp_help",
            "hitkeep_get_funnel_stats", "hitkeep_get_qr_campaigns", "hitkeep_get_breakdown", "hitkeep_search_hits",
            "hitkeep_list_goals", "hitkeep_get_goal_conversions", "hitkeep_list_funnels", "hitkeep_compare_periods",
            "hitkeep_get_realtime"));

    private static FakeHitKeep fake;
    private static TallyMcpServer server;
    private static McpSyncClient client;
    private static HitKeep hk;

    @BeforeAll
    static void start() {
        fake = TestSupport.startFake();
        server = TestSupport.startServer(TestSupport.module(fake, false), TestSupport.settings(), null);
        client = TestSupport.client(server.endpoint("hitkeep"), HitKeepDemo.TOKEN);
        hk = TestSupport.sdk(fake, HitKeepDemo.TOKEN);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
        fake.close();
    }

    private static Map<String, Object> args(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> out, String key) {
        return (List<Map<String, Object>>) out.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> out, String key) {
        return (Map<String, Object>) out.get(key);
    }

    @Test
    void initializeNamesTheServerAndItsCapabilities() {
        assertThat(client.getServerInfo().name()).isEqualTo("tally-hitkeep");
        McpSchema.ServerCapabilities caps = client.getServerCapabilities();
        assertThat(caps.tools()).isNotNull();
        assertThat(caps.resources()).isNotNull();
        assertThat(caps.prompts()).isNotNull();
        assertThat(client.getServerInstructions()).contains("hitkeep_list_sites", "hitkeep://help/metrics");
    }

    @Test
    void listsEveryReadToolWithSchemasAndReadOnlyAnnotations() {
        List<McpSchema.Tool> tools = client.listTools().tools();
        Set<String> names = new TreeSet<>();
        for (McpSchema.Tool t : tools) {
            names.add(t.name());
            assertThat(t.description()).as(t.name()).hasSizeGreaterThan(60);
            assertThat(t.inputSchema()).as(t.name()).containsEntry("type", "object");
            assertThat(t.outputSchema()).as(t.name()).containsEntry("type", "object");
            assertThat(t.annotations().readOnlyHint()).as(t.name()).isTrue();
            assertThat(t.annotations().idempotentHint()).as(t.name()).isTrue();
            assertThat(t.annotations().destructiveHint()).as(t.name()).isFalse();
            assertThat(t.annotations().openWorldHint()).as(t.name()).isFalse();
        }
        assertThat(names).as("write tools are absent without --allow-writes").isEqualTo(READ_TOOLS);
    }

    @Test
    void listSitesShowsTheTokensSites() {
        Map<String, Object> out = call(client, "hitkeep_list_sites", args());
        assertThat(rows(out, "sites")).extracting(s -> s.get("id"))
                .containsExactlyInAnyOrder(SHOP, HitKeepDemo.BLOG_SITE_ID, DOCS);
        assertThat(rows(out, "sites")).extracting(s -> s.get("domain")).contains(HitKeepDemo.SHOP_DOMAIN);
        assertThat(out).containsEntry("truncated", false).containsEntry("total_rows", 3);

        Map<String, Object> cut = call(client, "hitkeep_list_sites", args("limit", 2));
        assertThat(rows(cut, "sites")).hasSize(2);
        assertThat(cut).containsEntry("truncated", true).containsEntry("total_rows", 3);
    }

    @Test
    void siteOverviewMatchesTheStatsOfTheDefaultWindow() {
        SiteStats expected = hk.sites().stats(SHOP).range(DEFAULT_WINDOW).execute();
        Map<String, Object> out = call(client, "hitkeep_get_site_overview", args("site_id", SHOP, "limit", 3));
        assertThat(out).containsEntry("site_id", SHOP)
                .containsEntry("from", "2026-05-26T10:00:00Z").containsEntry("to", "2026-06-25T10:00:00Z");
        Map<String, Object> stats = object(out, "stats");
        assertThat(asLong(stats.get("total_pageviews"))).isEqualTo(expected.totalPageviews());
        assertThat(asLong(stats.get("unique_sessions"))).isEqualTo(expected.uniqueSessions());
        assertThat(asDouble(stats.get("bounce_rate"))).isCloseTo(expected.bounceRatePercent(), within(1e-9));
        assertThat(rows(stats, "top_pages")).hasSize(Math.min(3, expected.topPages().size()));
        assertThat(rows(stats, "top_pages").get(0)).containsEntry("name", expected.topPages().get(0).name());
        if (expected.topPages().size() > 3) {
            assertThat(out).containsEntry("truncated", true);
            assertThat(object(out, "truncated_lists")).containsEntry("top_pages", expected.topPages().size());
        }
    }

    @Test
    void siteOverviewWithSectionsAndComparison() {
        Map<String, Object> out = call(client, "hitkeep_get_site_overview", args("site_id", SHOP,
                "sections", List.of("pages"), "compare_from", "2026-04-26T10:00:00Z", "compare_to",
                "2026-05-26T10:00:00Z"));
        Map<String, Object> stats = object(out, "stats");
        assertThat(stats).containsKey("top_pages").doesNotContainKeys("top_referrers", "chart_data", "goals");
        assertThat(stats).containsKey("comparison");
        assertThat(out).containsEntry("compare_from", "2026-04-26T10:00:00Z");
    }

    @Test
    void breakdownRanksOneDimensionAndExplainsMovers() {
        SiteStats expected = hk.sites().stats(SHOP).range(DEFAULT_WINDOW).execute();
        Map<String, Object> out = call(client, "hitkeep_get_breakdown", args("site_id", SHOP, "dimension", "referrer",
                "limit", 2));
        assertThat(rows(out, "rows")).extracting(r -> r.get("name"))
                .containsExactlyElementsOf(names(expected.topReferrers(), 2));
        assertThat(asLong(out.get("total_rows"))).isEqualTo(expected.topReferrers().size());

        Map<String, Object> movers = call(client, "hitkeep_get_breakdown", args("site_id", SHOP, "dimension", "page",
                "compare_from", "2026-04-26T10:00:00Z", "compare_to", "2026-05-26T10:00:00Z"));
        List<Map<String, Object>> rows = rows(movers, "rows");
        assertThat(rows).isNotEmpty();
        for (Map<String, Object> r : rows) {
            assertThat(asLong(r.get("change"))).isEqualTo(asLong(r.get("value")) - asLong(r.get("previous_value")));
        }
        for (int i = 1; i < rows.size(); i++) {
            assertThat(Math.abs(asLong(rows.get(i - 1).get("change")))).isGreaterThanOrEqualTo(
                    Math.abs(asLong(rows.get(i).get("change"))));
        }
    }

    @Test
    void comparePeriodsReportsBothWindowsAndTheChange() {
        SiteStats now = hk.sites().stats(SHOP).range(DEFAULT_WINDOW).execute();
        SiteStats before = hk.sites().stats(SHOP).range(DEFAULT_WINDOW.previousPeriod()).execute();
        Map<String, Object> out = call(client, "hitkeep_compare_periods", args("site_id", SHOP));
        assertThat(out).containsEntry("compare_from", "2026-04-26T10:00:00Z").containsEntry("compare_to",
                "2026-05-26T10:00:00Z");
        assertThat(asLong(object(out, "current").get("total_pageviews"))).isEqualTo(now.totalPageviews());
        assertThat(asLong(object(out, "previous").get("total_pageviews"))).isEqualTo(before.totalPageviews());
        Map<String, Object> change = object(object(out, "change"), "total_pageviews");
        assertThat(asDouble(change.get("absolute"))).isEqualTo((double) now.totalPageviews() - before.totalPageviews());
    }

    @Test
    void realtimeSnapshotShowsLiveVisitorsAndRecentHits() {
        DateRange last30Minutes = DateRange.between(NOW.minus(Duration.ofMinutes(30)), NOW);
        SiteStats expected = hk.sites().stats(SHOP).range(last30Minutes).execute();
        Map<String, Object> out = call(client, "hitkeep_get_realtime", args("site_id", SHOP, "limit", 3));
        assertThat(asLong(out.get("live_visitors"))).isEqualTo(expected.liveVisitors());
        assertThat(asLong(out.get("pageviews"))).isEqualTo(expected.totalPageviews());
        assertThat(rows(out, "recent_hits")).hasSizeLessThanOrEqualTo(3);
        assertThat(out).containsEntry("as_of", "2026-06-25T10:00:00Z").containsEntry("window_minutes", 30);
    }

    @Test
    void searchHitsReturnsRawHitsWithTheTotal() {
        long total = hk.sites().hits(SHOP).range(DEFAULT_WINDOW).search("/checkout").pageSize(1).execute().total();
        Map<String, Object> out = call(client, "hitkeep_search_hits",
                args("site_id", SHOP, "q", "/checkout", "limit", 5));
        assertThat(asLong(out.get("total"))).isEqualTo(total).isPositive();
        assertThat(rows(out, "hits")).hasSize((int) Math.min(5, total))
                .allSatisfy(h -> assertThat(h.get("path").toString()).contains("/checkout"));
        assertThat(out).containsEntry("truncated", total > 5);
    }

    @Test
    void eventNamesAndBreakdown() {
        List<String> names = hk.events().names(SHOP).range(DEFAULT_WINDOW).execute();
        Map<String, Object> out = call(client, "hitkeep_get_event_names", args("site_id", SHOP));
        assertThat(out.get("names")).isEqualTo(names);
        assertThat(names).contains("purchase");

        String key = hk.events().properties(SHOP, "purchase").range(DEFAULT_WINDOW).execute().get(0);
        List<MetricStat> expected = hk.events().breakdown(SHOP, "purchase", key).range(DEFAULT_WINDOW).execute();
        Map<String, Object> breakdown = call(client, "hitkeep_get_event_breakdown", args("site_id", SHOP,
                "event_name", "purchase", "property_key", key));
        assertThat(rows(breakdown, "breakdown")).extracting(r -> r.get("name"))
                .containsExactlyElementsOf(names(expected, 10));
        assertThat(error(client, "hitkeep_get_event_breakdown", args("site_id", SHOP, "event_name", " ",
                "property_key", key))).isEqualTo("event_name and property_key are required");
    }

    @Test
    void ecommerceSummaryProductsAndSources() {
        EcommerceSummary expected = hk.ecommerce().summary(SHOP).range(DEFAULT_WINDOW).execute();
        Map<String, Object> out = call(client, "hitkeep_get_ecommerce", args("site_id", SHOP, "limit", 2,
                "include_series", true));
        assertThat(asDouble(object(out, "summary").get("revenue"))).isCloseTo(expected.revenue(), within(1e-6));
        assertThat(object(out, "summary")).containsEntry("currency", expected.currency());
        assertThat(rows(out, "products")).hasSizeLessThanOrEqualTo(2).isNotEmpty();
        assertThat(out.get("series")).isInstanceOf(List.class);
    }

    @Test
    void webVitalsSummaryPagesAndBreakdown() {
        List<WebVitalSummaryMetric> expected = hk.webVitals().summary(SHOP).range(DEFAULT_WINDOW).execute();
        Map<String, Object> out = call(client, "hitkeep_get_web_vitals", args("site_id", SHOP, "include_pages", true,
                "breakdown_dimension", "browser", "limit", 2));
        assertThat(rows(out, "summary")).hasSize(expected.size());
        assertThat(asDouble(rows(out, "summary").get(0).get("p75"))).isEqualTo(expected.get(0).p75());
        assertThat(out).containsEntry("metric", "LCP").containsEntry("breakdown_dimension", "browser");
        assertThat(rows(out, "pages")).hasSizeLessThanOrEqualTo(2);
        assertThat(rows(out, "breakdown")).hasSizeLessThanOrEqualTo(2);
        assertThat(error(client, "hitkeep_get_web_vitals", args("site_id", SHOP, "rating", "great")))
                .startsWith("invalid web vital rating \"great\"");
    }

    @Test
    void aiVisibilityOverviewSeriesAndCorrelation() {
        long requests = hk.ai().fetchOverview(DOCS).range(DEFAULT_WINDOW).execute().totalRequests();
        Map<String, Object> out = call(client, "hitkeep_get_ai_visibility", args("site_id", DOCS,
                "include_correlation", true, "window_days", 500));
        assertThat(asLong(object(out, "overview").get("total_requests"))).isEqualTo(requests).isPositive();
        assertThat(out.get("timeseries")).isInstanceOf(List.class);
        assertThat(object(out, "correlation")).containsEntry("window_days", 90);
    }

    @Test
    void goalsListAndConversions() {
        List<Goal> goals = hk.goals().list(SHOP).execute();
        Map<String, Object> list = call(client, "hitkeep_list_goals", args("site_id", SHOP));
        assertThat(rows(list, "goals")).extracting(g -> g.get("id"))
                .containsExactlyElementsOf(goals.stream().map(Goal::id).toList());

        SiteStats stats = hk.sites().stats(SHOP).range(DEFAULT_WINDOW).execute();
        String goalId = goals.get(0).id();
        long conversions = stats.goals().stream().filter(g -> g.goalId().equals(goalId)).findFirst().orElseThrow()
                .conversions();
        Map<String, Object> one = call(client, "hitkeep_get_goal_conversions", args("site_id", SHOP, "goal_id", goalId,
                "include_timeseries", true));
        assertThat(rows(one, "goals")).singleElement()
                .satisfies(g -> assertThat(asLong(g.get("conversions"))).isEqualTo(conversions));
        assertThat(one.get("timeseries")).isInstanceOf(List.class);
    }

    @Test
    void funnelsListAndStats() {
        Funnel funnel = hk.funnels().list(SHOP).execute().get(0);
        FunnelStats expected = hk.funnels().stats(SHOP, funnel.id()).range(DEFAULT_WINDOW).execute();
        Map<String, Object> list = call(client, "hitkeep_list_funnels", args("site_id", SHOP));
        assertThat(rows(list, "funnels")).extracting(f -> f.get("name")).contains(funnel.name());
        Map<String, Object> out = call(client, "hitkeep_get_funnel_stats",
                args("site_id", SHOP, "funnel_id", funnel.id()));
        Map<String, Object> stats = object(out, "stats");
        assertThat(asLong(stats.get("total_entries"))).isEqualTo(expected.totalEntries());
        assertThat(asLong(stats.get("total_completions"))).isEqualTo(expected.totalCompletions());
        assertThat(rows(stats, "steps")).hasSize(expected.steps().size());
    }

    @Test
    void qrCampaignsWithOpensAndSeries() {
        List<QrCode> codes = hk.qrCodes().list(SHOP).execute().stream().filter(q -> q.archivedAt() == null).toList();
        QrCodeSummary first = hk.qrCodes().summary(SHOP, codes.get(0).id()).range(DEFAULT_WINDOW).execute();
        Map<String, Object> out = call(client, "hitkeep_get_qr_campaigns",
                args("site_id", SHOP, "include_series", true));
        List<Map<String, Object>> campaigns = rows(out, "campaigns");
        assertThat(campaigns).hasSize(codes.size());
        assertThat(campaigns.get(0)).containsEntry("id", codes.get(0).id()).containsEntry("name", codes.get(0).name());
        assertThat(asLong(campaigns.get(0).get("open_count"))).isEqualTo(first.openCount());
        assertThat(campaigns.get(0).get("timeseries")).isInstanceOf(List.class);
        assertThat(campaigns.get(0)).doesNotContainKeys("redirect_url", "token_hint");
    }

    @Test
    void opportunitiesRankedWithCitedEvidenceOnly() {
        List<Opportunity> expected = hk.opportunities().list(SHOP).execute();
        assertThat(expected).isNotEmpty();
        Map<String, Object> out = call(client, "hitkeep_get_opportunities", args("site_id", SHOP));
        assertThat(rows(out, "opportunities")).extracting(o -> o.get("id"))
                .containsExactlyElementsOf(expected.stream().limit(10).map(Opportunity::id).toList());
        for (Map<String, Object> o : rows(out, "opportunities")) {
            List<Object> cited = new ArrayList<>((List<?>) o.get("cited_evidence_ids"));
            assertThat(rows(o, "evidence")).allSatisfy(e -> assertThat(cited).contains(e.get("id")));
        }
        Map<String, Object> dismissed = call(client, "hitkeep_get_opportunities", args("site_id", SHOP,
                "status", "dismissed"));
        assertThat(rows(dismissed, "opportunities"))
                .allSatisfy(o -> assertThat(o).containsEntry("status", "dismissed"));
        assertThat(error(client, "hitkeep_get_opportunities", args("site_id", SHOP, "status", "open")))
                .startsWith("invalid opportunity status \"open\"");
    }

    @Test
    void searchConsoleStatusForMappedAndUnmappedSites() {
        Map<String, Object> shop = call(client, "hitkeep_get_search_console_status", args("site_id", SHOP));
        assertThat(shop).containsEntry("mapped", true)
                .containsEntry("property_uri", "sc-domain:" + HitKeepDemo.SHOP_DOMAIN);
        assertThat(shop.get("reason")).isIn("ready", "not_synced", "needs_attention", "failed");
        Map<String, Object> blog = call(client, "hitkeep_get_search_console_status",
                args("site_id", HitKeepDemo.BLOG_SITE_ID));
        assertThat(blog).containsEntry("mapped", false).containsEntry("reason", "unmapped")
                .containsEntry("data_available", false);
    }

    @Test
    void searchConsoleReportsMatchTheImportedData() {
        SearchConsoleOverview expected = hk.searchConsole().overview(SHOP).range(DEFAULT_WINDOW).execute();
        Map<String, Object> out = call(client, "hitkeep_get_search_console", args("site_id", SHOP));
        assertThat(asLong(object(out, "overview").get("clicks"))).isEqualTo(expected.clicks());
        assertThat(object(out, "series").get("series")).isInstanceOf(List.class);
        assertThat(out).doesNotContainKeys("queries", "pages").containsKey("warnings");

        Map<String, Object> queries = call(client, "hitkeep_get_search_console", args("site_id", SHOP,
                "sections", List.of("queries", "device"), "limit", 2));
        assertThat(rows(object(queries, "queries"), "rows")).hasSizeLessThanOrEqualTo(2).isNotEmpty();
        assertThat(queries).doesNotContainKey("overview").containsKey("device");
        assertThat(error(client, "hitkeep_get_search_console", args("site_id", HitKeepDemo.BLOG_SITE_ID)))
                .startsWith("Search Console property is not mapped");
    }

    @Test
    void helpToolAndResources() {
        Map<String, Object> help = call(client, "hitkeep_get_mcp_help", args());
        assertThat(help).containsEntry("url", "hitkeep://help/mcp");
        assertThat(help.get("markdown").toString()).contains("hitkeep_search_docs", "need the internet",
                "hitkeep_get_breakdown", "366 days");

        List<String> uris = client.listResources().resources().stream().map(McpSchema.Resource::uri).toList();
        assertThat(uris).containsExactlyInAnyOrder("hitkeep://help/mcp", "hitkeep://help/metrics");
        McpSchema.ReadResourceResult metrics = client
                .readResource(McpSchema.ReadResourceRequest.builder("hitkeep://help/metrics").build());
        assertThat(((McpSchema.TextResourceContents) metrics.contents().get(0)).text())
                .contains("Bounce rate", "seconds", "Live visitors");
    }

    @Test
    void promptsRenderIntoToolPlans() {
        assertThat(client.listPrompts().prompts()).extracting(McpSchema.Prompt::name)
                .containsExactlyInAnyOrder("hitkeep_weekly_report", "hitkeep_explain_traffic_change");
        McpSchema.GetPromptResult prompt = client.getPrompt(McpSchema.GetPromptRequest.builder("hitkeep_weekly_report")
                .arguments(Map.of("site", HitKeepDemo.SHOP_DOMAIN)).build());
        assertThat(((McpSchema.TextContent) prompt.messages().get(0).content()).text())
                .contains(HitKeepDemo.SHOP_DOMAIN, "hitkeep_compare_periods");
    }

    @Test
    void dateRulesFollowHitKeepsMcpServer() {
        assertThat(error(client, "hitkeep_get_event_names", args("site_id", SHOP, "from", "2026-06-01T00:00:00Z",
                "to", "2026-05-01T00:00:00Z"))).startsWith("to must be after from");
        assertThat(error(client, "hitkeep_get_event_names", args("site_id", SHOP, "from", "2024-01-01T00:00:00Z",
                "to", "2026-01-01T00:00:00Z"))).startsWith("date range exceeds 366 days");
        assertThat(error(client, "hitkeep_get_event_names", args("site_id", SHOP, "from", "last week")))
                .startsWith("invalid from timestamp, expected RFC3339");
        assertThat(error(client, "hitkeep_get_site_overview", args("site_id", SHOP, "compare_from",
                "2026-04-01T00:00:00Z"))).isEqualTo("compare_from and compare_to are required together");
        Map<String, Object> onlyTo = call(client, "hitkeep_get_event_names", args("site_id", SHOP, "to",
                "2026-06-01T00:00:00+02:00"));
        assertThat(onlyTo).containsEntry("from", "2026-05-01T22:00:00Z").containsEntry("to", "2026-05-31T22:00:00Z");
    }

    @Test
    void filtersAreCheckedAndPassedOn() {
        assertThat(error(client, "hitkeep_get_site_overview", args("site_id", SHOP, "filters",
                List.of(Map.of("type", "planet", "value", "mars"))))).startsWith("invalid filter type \"planet\"");
        assertThat(error(client, "hitkeep_get_site_overview", args("site_id", SHOP, "filters",
                List.of(Map.of("type", "path", "value", " ")))))
                .isEqualTo("filter type and value are required together");
        long filtered = hk.sites().stats(SHOP).range(DEFAULT_WINDOW)
                .filter(io.tally.hitkeep.Filter.path("/checkout")).execute().totalPageviews();
        Map<String, Object> out = call(client, "hitkeep_get_site_overview", args("site_id", SHOP, "sections", List.of(),
                "filters", List.of(Map.of("type", "path", "value", "/checkout"))));
        assertThat(asLong(object(out, "stats").get("total_pageviews"))).isEqualTo(filtered);
    }

    @Test
    void badSiteIdIsAToolError() {
        assertThat(error(client, "hitkeep_get_event_names", args("site_id", "shop"))).startsWith("invalid site_id");
    }

    private static List<String> names(List<MetricStat> stats, int limit) {
        List<String> out = new ArrayList<>();
        for (MetricStat s : stats.subList(0, Math.min(limit, stats.size()))) {
            out.add(s.name());
        }
        return out;
    }
}
