package io.tally.hitkeep.routes;

import static io.tally.hitkeep.routes.Part2Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tally.hitkeep.Download;
import io.tally.hitkeep.ExportFormat;
import io.tally.hitkeep.Filter;
import io.tally.hitkeep.model.CreatedShareLink;
import io.tally.hitkeep.model.EcommerceProductStat;
import io.tally.hitkeep.model.EcommerceSeriesPoint;
import io.tally.hitkeep.model.EcommerceSourceStat;
import io.tally.hitkeep.model.EcommerceSummary;
import io.tally.hitkeep.model.EventAudience;
import io.tally.hitkeep.model.EventSeriesPoint;
import io.tally.hitkeep.model.Funnel;
import io.tally.hitkeep.model.FunnelSeriesPoint;
import io.tally.hitkeep.model.FunnelStats;
import io.tally.hitkeep.model.Goal;
import io.tally.hitkeep.model.GoalSeriesPoint;
import io.tally.hitkeep.model.HitPage;
import io.tally.hitkeep.model.HitSort;
import io.tally.hitkeep.model.MetricStat;
import io.tally.hitkeep.model.Opportunity;
import io.tally.hitkeep.model.RealtimeEvent;
import io.tally.hitkeep.model.RealtimeEventType;
import io.tally.hitkeep.model.ShareLink;
import io.tally.hitkeep.model.Site;
import io.tally.hitkeep.model.SiteStats;
import io.tally.hitkeep.model.WebVitalDimension;
import io.tally.hitkeep.model.WebVitalDimensionRow;
import io.tally.hitkeep.model.WebVitalMetric;
import io.tally.hitkeep.model.WebVitalPageRow;
import io.tally.hitkeep.model.WebVitalRating;
import io.tally.hitkeep.model.WebVitalSeriesPoint;
import io.tally.hitkeep.model.WebVitalSummaryMetric;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Route cases for share links and the public share API (27). */
final class RouteCasesShare {
    private RouteCasesShare() {}

    @SuppressWarnings("unchecked")
    static void add(List<RouteCase> cases) {
        String s = "/api/share/" + SHARE_TOKEN + "/sites/" + SITE;

        // ---- managing share links ----

        cases.add(RouteCase.get("/api/sites/{id}/share")
                .call(hk -> hk.shareLinks().list(SITE))
                .path("/api/sites/" + SITE + "/share")
                .respond(200, "[{\"id\":\"" + SHARE_ID + "\",\"site_id\":\"" + SITE + "\",\"token_hint\":\"s7Kp\","
                        + "\"created_at\":\"2026-05-01T12:00:00Z\"}]")
                .check(r -> assertThat((List<ShareLink>) r).extracting(ShareLink::tokenHint).containsExactly("s7Kp")));

        cases.add(RouteCase.post("/api/sites/{id}/share")
                .call(hk -> hk.shareLinks().create(SITE))
                .path("/api/sites/" + SITE + "/share")
                .respond(200, "{\"id\":\"" + SHARE_ID + "\",\"token\":\"" + SHARE_TOKEN + "\",\"token_hint\":\"s7Kp\","
                        + "\"url\":\"https://analytics.example.com/share/" + SHARE_TOKEN
                        + "\",\"created_at\":\"2026-06-08T12:00:00Z\"}")
                .check(r -> {
                    CreatedShareLink link = (CreatedShareLink) r;
                    assertThat(link.token()).isEqualTo(SHARE_TOKEN);
                    assertThat(link.toString()).doesNotContain(SHARE_TOKEN);
                }));

        cases.add(RouteCase.delete("/api/sites/{id}/share/{shareID}")
                .call(hk -> hk.shareLinks().revoke(SITE, SHARE_ID))
                .path("/api/sites/" + SITE + "/share/" + SHARE_ID)
                .respond(204, "")
                .check(r -> assertThat(r).isNull()));

        // ---- reading through a share token ----

        cases.add(RouteCase.get("/api/share/{token}/site")
                .call(hk -> hk.shared(SHARE_TOKEN).site())
                .path("/api/share/" + SHARE_TOKEN + "/site")
                .noCredentials()
                .respond(200, SITE_JSON)
                .check(r -> assertThat(((Site) r).domain()).isEqualTo("shop.example.com")));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/stats")
                .call(hk -> hk.shared(SHARE_TOKEN).stats(SITE).range(WEEK).filter(Filter.path("/pricing")).goal(GOAL))
                .path(s + "/stats")
                .noCredentials()
                .query("from", FROM)
                .query("to", TO)
                .query("filter", "path:/pricing")
                .query("goal_id", GOAL)
                .respond(200,
                        "{\"live_visitors\":3,\"total_pageviews\":1840,\"unique_sessions\":912,\"bounce_rate\":41.5,"
                                + "\"avg_session_duration\":83.2,\"pages_per_session\":2.02,\"chart_data\":[{\"time\":\"2026-06-01T00:00:00Z\","
                                + "\"pageviews\":260,\"visitors\":130}],\"top_pages\":[{\"name\":\"/pricing\",\"value\":1840}],"
                                + "\"top_referrers\":null,\"top_browsers\":[{\"name\":\"Firefox\",\"value\":300}],\"goals\":[]}")
                .check(r -> {
                    SiteStats st = (SiteStats) r;
                    assertThat(st.totalPageviews()).isEqualTo(1840);
                    assertThat(st.topPages().get(0).name()).isEqualTo("/pricing");
                    assertThat(st.topReferrers()).isEmpty();
                    assertThat(st.topBrowsers()).extracting(MetricStat::name).containsExactly("Firefox");
                }));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/hits")
                .call(hk -> hk.shared(SHARE_TOKEN).hits(SITE).range(WEEK).pageSize(50).offset(100).search("pricing")
                        .sort(HitSort.PATH).ascending().filter(Filter.country("DE")))
                .path(s + "/hits")
                .noCredentials()
                .query("from", FROM)
                .query("to", TO)
                .query("limit", "50")
                .query("offset", "100")
                .query("q", "pricing")
                .query("sort", "path")
                .query("order", "asc")
                .query("filter", "country:DE")
                .respond(200, "{\"data\":[{\"id\":\"0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a\",\"site_id\":\"" + SITE
                        + "\","
                        + "\"session_id\":\"1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b\",\"page_id\":\"2f3a4b5c-6d7e-4f8a-9b0c-1d2e3f4a5b6c\","
                        + "\"timestamp\":\"2026-06-03T08:15:02.123456789Z\",\"path\":\"/pricing\",\"hostname\":\"shop.example.com\","
                        + "\"referrer\":null,\"country_code\":\"DE\",\"viewport_width\":390}],\"total\":151}")
                .check(r -> {
                    HitPage page = (HitPage) r;
                    assertThat(page.total()).isEqualTo(151);
                    assertThat(page.items().get(0).path()).isEqualTo("/pricing");
                    assertThat(page.items().get(0).viewportWidth()).isEqualTo(390);
                }));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/hits/export")
                .call(hk -> hk.shared(SHARE_TOKEN).exportHits(SITE).range(WEEK).search("pricing")
                        .filter(Filter.device("mobile"))
                        .format(ExportFormat.CSV))
                .path(s + "/hits/export")
                .noCredentials()
                .query("from", FROM)
                .query("to", TO)
                .query("q", "pricing")
                .query("filter", "device:mobile")
                .query("format", "csv")
                .respond(200, "timestamp,path,referrer\n2026-06-03T08:15:02Z,/pricing,\n")
                .respondContentType("text/csv")
                .respondHeader("Content-Disposition", "attachment; filename=\"hits.csv\"")
                .check(r -> {
                    Download d = (Download) r;
                    assertThat(d.fileName()).isEqualTo("hits.csv");
                    assertThat(new String(d.bytes(), StandardCharsets.UTF_8)).startsWith("timestamp,path,referrer\n");
                }));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/realtime")
                .call(hk -> hk.shared(SHARE_TOKEN).realtime(SITE))
                .path(s + "/realtime")
                .noCredentials()
                .header("Accept", "text/event-stream")
                .respond(200,
                        ": connected\nretry: 3000\n\nid: 42\nevent: analytics.changed\ndata: {\"site_id\":\"" + SITE
                                + "\",\"kinds\":[\"hits\"],\"counts\":{\"hits\":3}}\n\n")
                .respondContentType("text/event-stream")
                .check(r -> {
                    RealtimeEvent e = ((List<RealtimeEvent>) r).get(0);
                    assertThat(e.id()).isEqualTo("42");
                    assertThat(e.type()).isEqualTo(RealtimeEventType.of("analytics.changed"));
                    assertThat(e.kinds()).containsExactly("hits");
                    assertThat(e.counts()).containsEntry("hits", 3L);
                }));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/events/names")
                .call(hk -> hk.shared(SHARE_TOKEN).eventNames(SITE).range(WEEK))
                .path(s + "/events/names")
                .noCredentials()
                .query("from", FROM)
                .query("to", TO)
                .respond(200, "[\"signup\",\"add_to_cart\"]")
                .check(r -> assertThat((List<String>) r).containsExactly("signup", "add_to_cart")));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/events/properties")
                .call(hk -> hk.shared(SHARE_TOKEN).eventProperties(SITE, "signup"))
                .path(s + "/events/properties")
                .noCredentials()
                .query("event_name", "signup")
                .respond(200, "[\"plan\",\"source\"]")
                .check(r -> assertThat((List<String>) r).containsExactly("plan", "source")));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/events/breakdown")
                .call(hk -> hk.shared(SHARE_TOKEN).eventBreakdown(SITE, "signup", "plan").range(WEEK))
                .path(s + "/events/breakdown")
                .noCredentials()
                .query("event_name", "signup")
                .query("property_key", "plan")
                .query("from", FROM)
                .query("to", TO)
                .respond(200, "[{\"name\":\"pro\",\"value\":31},{\"name\":\"free\",\"value\":112}]")
                .check(r -> assertThat((List<MetricStat>) r).extracting(MetricStat::value).containsExactly(31L, 112L)));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/events/timeseries")
                .call(hk -> hk.shared(SHARE_TOKEN).eventTimeseries(SITE, "signup").range(WEEK).property("plan", "pro")
                        .filter(Filter.utmSource("newsletter")))
                .path(s + "/events/timeseries")
                .noCredentials()
                .query("event_name", "signup")
                .query("from", FROM)
                .query("to", TO)
                .query("property_key", "plan")
                .query("property_value", "pro")
                .query("filter", "utm_source:newsletter")
                .respond(200,
                        "[{\"time\":\"2026-06-01T00:00:00Z\",\"count\":4},{\"time\":\"2026-06-02T00:00:00Z\",\"count\":7}]")
                .check(r -> assertThat((List<EventSeriesPoint>) r).extracting(EventSeriesPoint::count)
                        .containsExactly(4L, 7L)));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/events/audience")
                .call(hk -> hk.shared(SHARE_TOKEN).eventAudience(SITE, "signup"))
                .path(s + "/events/audience")
                .noCredentials()
                .query("event_name", "signup")
                .respond(200,
                        "{\"top_pages\":[{\"name\":\"/signup\",\"value\":143}],\"top_countries\":[{\"name\":\"DE\",\"value\":60}]}")
                .check(r -> {
                    EventAudience a = (EventAudience) r;
                    assertThat(a.topPages().get(0).value()).isEqualTo(143);
                    assertThat(a.topReferrers()).isEmpty();
                }));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/goals")
                .call(hk -> hk.shared(SHARE_TOKEN).goals(SITE))
                .path(s + "/goals")
                .noCredentials()
                .respond(200,
                        "[{\"id\":\"" + GOAL + "\",\"site_id\":\"" + SITE
                                + "\",\"name\":\"Pricing visit\",\"type\":\"path\","
                                + "\"value\":\"/pricing\",\"created_at\":\"2026-01-10T09:00:00Z\"}]")
                .check(r -> assertThat(((List<Goal>) r).get(0).value()).isEqualTo("/pricing")));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/goals/timeseries")
                .call(hk -> hk.shared(SHARE_TOKEN).goalTimeseries(SITE, GOAL).range(WEEK))
                .path(s + "/goals/timeseries")
                .noCredentials()
                .query("goal_id", GOAL)
                .query("from", FROM)
                .query("to", TO)
                .respond(200, "[{\"time\":\"2026-06-01T00:00:00Z\",\"conversions\":12}]")
                .check(r -> assertThat(((List<GoalSeriesPoint>) r).get(0).conversions()).isEqualTo(12)));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/funnels")
                .call(hk -> hk.shared(SHARE_TOKEN).funnels(SITE))
                .path(s + "/funnels")
                .noCredentials()
                .respond(200, "[{\"id\":\"" + FUNNEL + "\",\"site_id\":\"" + SITE
                        + "\",\"name\":\"Checkout\",\"steps\":["
                        + "{\"type\":\"path\",\"value\":\"/cart\"},{\"type\":\"event\",\"value\":\"purchase\"}],"
                        + "\"created_at\":\"2026-02-01T10:00:00Z\"}]")
                .check(r -> assertThat(((List<Funnel>) r).get(0).steps()).hasSize(2)));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/funnels/timeseries")
                .call(hk -> hk.shared(SHARE_TOKEN).funnelTimeseries(SITE, FUNNEL).range(WEEK))
                .path(s + "/funnels/timeseries")
                .noCredentials()
                .query("funnel_id", FUNNEL)
                .query("from", FROM)
                .query("to", TO)
                .respond(200, "[{\"time\":\"2026-06-01T00:00:00Z\",\"entries\":220,\"completions\":31}]")
                .check(r -> assertThat(((List<FunnelSeriesPoint>) r).get(0).completions()).isEqualTo(31)));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/funnels/{funnelID}/stats")
                .call(hk -> hk.shared(SHARE_TOKEN).funnelStats(SITE, FUNNEL).range(WEEK))
                .path(s + "/funnels/" + FUNNEL + "/stats")
                .noCredentials()
                .query("from", FROM)
                .query("to", TO)
                .respond(200, "{\"funnel_id\":\"" + FUNNEL
                        + "\",\"name\":\"Checkout\",\"steps\":[{\"step_index\":0,\"name\":\"/cart\","
                        + "\"visitors\":220,\"dropoff\":0,\"conversion_rate\":100},{\"step_index\":1,\"name\":\"purchase\","
                        + "\"visitors\":31,\"dropoff\":189,\"conversion_rate\":14.09}],\"total_entries\":220,"
                        + "\"total_completions\":31,\"overall_conversion_rate\":14.09}")
                .check(r -> {
                    FunnelStats f = (FunnelStats) r;
                    assertThat(f.overallConversionRate()).isEqualTo(14.09);
                    assertThat(f.steps().get(1).dropoff()).isEqualTo(189);
                }));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/opportunities")
                .call(hk -> hk.shared(SHARE_TOKEN).opportunities(SITE))
                .path(s + "/opportunities")
                .noCredentials()
                .respond(200, "{\"opportunities\":[" + OPPORTUNITY_JSON + "]}")
                .check(r -> assertThat(((List<Opportunity>) r).get(0).kind()).isEqualTo("conversion")));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/web-vitals/summary")
                .call(hk -> hk.shared(SHARE_TOKEN).webVitalsSummary(SITE).range(WEEK).rating(WebVitalRating.POOR)
                        .path("/pricing"))
                .path(s + "/web-vitals/summary")
                .noCredentials()
                .query("from", FROM)
                .query("to", TO)
                .query("rating", "poor")
                .query("path", "/pricing")
                .respond(200,
                        "[{\"metric\":\"LCP\",\"p75\":2810.5,\"samples\":940,\"good\":610,\"needs_improvement\":200,"
                                + "\"poor\":130,\"rating\":\"needs_improvement\"}]")
                .check(r -> {
                    WebVitalSummaryMetric m = ((List<WebVitalSummaryMetric>) r).get(0);
                    assertThat(m.metric()).isEqualTo(WebVitalMetric.LCP);
                    assertThat(m.needsImprovement()).isEqualTo(200);
                }));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/web-vitals/timeseries")
                .call(hk -> hk.shared(SHARE_TOKEN).webVitalsTimeseries(SITE, WebVitalMetric.INP).range(WEEK))
                .path(s + "/web-vitals/timeseries")
                .noCredentials()
                .query("metric", "INP")
                .query("from", FROM)
                .query("to", TO)
                .respond(200, "[{\"time\":\"2026-06-01T00:00:00Z\",\"p75\":180,\"samples\":90,\"good\":80,"
                        + "\"needs_improvement\":8,\"poor\":2}]")
                .check(r -> assertThat(((List<WebVitalSeriesPoint>) r).get(0).p75()).isEqualTo(180.0)));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/web-vitals/pages")
                .call(hk -> hk.shared(SHARE_TOKEN).webVitalsPages(SITE, WebVitalMetric.CLS).limit(5))
                .path(s + "/web-vitals/pages")
                .noCredentials()
                .query("metric", "CLS")
                .query("limit", "5")
                .respond(200,
                        "[{\"path\":\"/\",\"p75\":0.12,\"samples\":300,\"good\":200,\"needs_improvement\":80,\"poor\":20,"
                                + "\"rating\":\"needs_improvement\",\"metrics\":{\"CLS\":{\"p75\":0.12,\"samples\":300,\"good\":200,"
                                + "\"needs_improvement\":80,\"poor\":20,\"rating\":\"needs_improvement\"}}}]")
                .check(r -> {
                    WebVitalPageRow row = ((List<WebVitalPageRow>) r).get(0);
                    assertThat(row.p75()).isEqualTo(0.12);
                    assertThat(row.metrics()).containsKey("CLS");
                }));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/web-vitals/breakdown")
                .call(hk -> hk.shared(SHARE_TOKEN).webVitalsBreakdown(SITE, WebVitalMetric.TTFB,
                        WebVitalDimension.COUNTRY))
                .path(s + "/web-vitals/breakdown")
                .noCredentials()
                .query("metric", "TTFB")
                .query("dimension", "country")
                .respond(200,
                        "[{\"name\":\"DE\",\"p75\":420,\"samples\":500,\"good\":450,\"needs_improvement\":40,\"poor\":10,"
                                + "\"rating\":\"good\"}]")
                .check(r -> assertThat(((List<WebVitalDimensionRow>) r).get(0).rating())
                        .isEqualTo(WebVitalRating.GOOD)));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/ecommerce")
                .call(hk -> hk.shared(SHARE_TOKEN).ecommerce(SITE).range(WEEK).itemId("SKU-42"))
                .path(s + "/ecommerce")
                .noCredentials()
                .query("from", FROM)
                .query("to", TO)
                .query("item_id", "SKU-42")
                .respond(200, "{\"revenue\":1234.5,\"orders\":18,\"average_order_value\":68.58,\"checkout_starts\":40,"
                        + "\"checkout_conversion_rate\":45,\"currency\":\"EUR\"}")
                .check(r -> {
                    EcommerceSummary e = (EcommerceSummary) r;
                    assertThat(e.revenue()).isEqualTo(1234.5);
                    assertThat(e.currency()).isEqualTo("EUR");
                    assertThat(e.topCities()).isEmpty();
                }));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/ecommerce/timeseries")
                .call(hk -> hk.shared(SHARE_TOKEN).ecommerceTimeseries(SITE).range(WEEK)
                        .filter(Filter.utmCampaign("spring")))
                .path(s + "/ecommerce/timeseries")
                .noCredentials()
                .query("from", FROM)
                .query("to", TO)
                .query("filter", "utm_campaign:spring")
                .respond(200, "[{\"time\":\"2026-06-01T00:00:00Z\",\"revenue\":210.0,\"orders\":3}]")
                .check(r -> assertThat(((List<EcommerceSeriesPoint>) r).get(0).orders()).isEqualTo(3)));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/ecommerce/products")
                .call(hk -> hk.shared(SHARE_TOKEN).ecommerceProducts(SITE).itemName("Trail shoe").limit(5))
                .path(s + "/ecommerce/products")
                .noCredentials()
                .query("item_name", "Trail shoe")
                .query("limit", "5")
                .respond(200,
                        "[{\"item_id\":\"SKU-42\",\"item_name\":\"Trail shoe\",\"revenue\":899.1,\"orders\":9,\"quantity\":10}]")
                .check(r -> assertThat(((List<EcommerceProductStat>) r).get(0).quantity()).isEqualTo(10)));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/ecommerce/sources")
                .call(hk -> hk.shared(SHARE_TOKEN).ecommerceSources(SITE).limit(3))
                .path(s + "/ecommerce/sources")
                .noCredentials()
                .query("limit", "3")
                .respond(200, "[{\"utm_source\":\"newsletter\",\"utm_medium\":\"email\",\"utm_campaign\":\"spring\","
                        + "\"referrer\":\"(Direct)\",\"revenue\":512.0,\"orders\":7}]")
                .check(r -> assertThat(((List<EcommerceSourceStat>) r).get(0).utmSource()).isEqualTo("newsletter")));
    }
}
