package io.tally.engagetrack.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.tally.engagetrack.Filter;
import io.tally.engagetrack.Period;
import io.tally.engagetrack.Scope;
import io.tally.engagetrack.model.AnalyticsReport;
import io.tally.engagetrack.model.ApiKey;
import io.tally.engagetrack.model.ApiKeyInput;
import io.tally.engagetrack.model.ChannelReport;
import io.tally.engagetrack.model.CreatedApiKey;
import io.tally.engagetrack.model.EventType;
import io.tally.engagetrack.model.Funnel;
import io.tally.engagetrack.model.FunnelAnalysis;
import io.tally.engagetrack.model.FunnelInput;
import io.tally.engagetrack.model.FunnelStep;
import io.tally.engagetrack.model.IdentifyCall;
import io.tally.engagetrack.model.Invitation;
import io.tally.engagetrack.model.InviteInput;
import io.tally.engagetrack.model.MatchType;
import io.tally.engagetrack.model.Site;
import io.tally.engagetrack.model.SiteInput;
import io.tally.engagetrack.model.TeamRole;
import io.tally.engagetrack.model.TrackedEvent;
import io.tally.engagetrack.model.VisitorPage;
import io.tally.engagetrack.model.VisitorTimeline;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A WireMock case for every documented EngageTrack route. */
final class RouteCatalog {
    static final String ORG = "org-42";
    static final String SITE = "site-uuid-1";
    static final String ORG_SITE = "/organizations/" + ORG + "/sites/" + SITE;

    private static final String VISITOR_JSON = "{\"id\":\"v-1\",\"uid\":\"uid-1\",\"email\":\"ada@example.com\",\"name\":\"Ada\","
            + "\"avatar_url\":null,\"external_id\":\"user-7\",\"first_seen_at\":\"2026-03-01T10:00:00Z\","
            + "\"last_seen_at\":\"2026-03-14T12:00:00Z\",\"total_sessions\":5,\"total_pageviews\":17,\"total_goals\":2,"
            + "\"total_revenue\":149.99,\"last_country\":\"DE\",\"last_browser\":\"Firefox\",\"last_os\":\"Linux\","
            + "\"last_device\":\"desktop\",\"last_referrer_source\":\"Google\"}";

    private RouteCatalog() {}

    static List<RouteCase> all() {
        return List.of(
                RouteCase.of("GET", "/organizations/{orgId}/sites")
                        .call(e -> e.sites().list())
                        .path("/organizations/" + ORG + "/sites")
                        .answers(200,
                                "{\"success\":true,\"data\":{\"sites\":[{\"id\":\"" + SITE
                                        + "\",\"domain\":\"shop.example.com\","
                                        + "\"public_id\":\"pk_live_abc\"}]}}")
                        .<List<Site>>check(sites -> {
                            assertThat(sites).hasSize(1);
                            assertThat(sites.get(0).publicId()).isEqualTo("pk_live_abc");
                            assertThat(sites.get(0).domain()).isEqualTo("shop.example.com");
                        }),
                RouteCase.of("GET", "/organizations/{orgId}/sites/{siteId}")
                        .call(e -> e.sites().get(SITE))
                        .path(ORG_SITE)
                        .answers(200,
                                "{\"success\":true,\"data\":{\"id\":\"" + SITE
                                        + "\",\"name\":\"Shop\",\"timezone\":\"Europe/Berlin\"}}")
                        .<Site>check(s -> {
                            assertThat(s.id()).isEqualTo(SITE);
                            assertThat(s.timezone()).isEqualTo("Europe/Berlin");
                        }),
                RouteCase.of("POST", "/organizations/{orgId}/sites").session()
                        .call(e -> e.sites()
                                .create(SiteInput.of("example.com").withName("Example").withTimezone("UTC")))
                        .path("/organizations/" + ORG + "/sites")
                        .body("{\"domain\":\"example.com\",\"name\":\"Example\",\"timezone\":\"UTC\"}")
                        .answers(201, "{\"success\":true,\"data\":{\"id\":\"s-9\",\"public_id\":\"pk_live_new\"}}")
                        .<Site>check(s -> assertThat(s.publicId()).isEqualTo("pk_live_new")),
                RouteCase.of("GET", "/organizations/{orgId}/sites/{siteId}/analytics/stats")
                        .call(e -> e.analytics().stats(SITE).period(Period.THIRTY_DAYS))
                        .path(ORG_SITE + "/analytics/stats")
                        .query("period", "30d")
                        .answers(200,
                                "{\"success\":true,\"data\":{\"visitors\":1200,\"pageviews\":4100,\"bounce_rate\":41.5}}")
                        .<AnalyticsReport>check(r -> {
                            assertThat(r.number("visitors")).hasValue(1200);
                            assertThat(r.decimal("bounce_rate")).hasValue(41.5);
                        }),
                RouteCase.of("GET", "/organizations/{orgId}/sites/{siteId}/analytics/pages")
                        .call(e -> e.analytics().pages(SITE).period(Period.THIRTY_DAYS).limit(100))
                        .path(ORG_SITE + "/analytics/pages")
                        .query("period", "30d").query("limit", "100")
                        .answers(200,
                                "{\"success\":true,\"data\":{\"pages\":[{\"page\":\"/pricing\",\"visitors\":300}]}}")
                        .<AnalyticsReport>check(r -> assertThat(r.rows()).singleElement()
                                .satisfies(row -> assertThat(row.path("page").asText()).isEqualTo("/pricing"))),
                RouteCase.of("GET", "/organizations/{orgId}/sites/{siteId}/analytics/channels/enriched")
                        .call(e -> e.analytics().channels(SITE).period(Period.SEVEN_DAYS).limit(5)
                                .filter(Filter.of("country", "is", "DE")))
                        .path(ORG_SITE + "/analytics/channels/enriched")
                        .query("period", "7d").query("limit", "5")
                        .query("filters", "[{\"field\":\"country\",\"operator\":\"is\",\"value\":\"DE\"}]")
                        .answers(200,
                                "{\"success\":true,\"data\":{\"channels\":[{\"channel\":\"Organic Search\",\"visitors\":500,"
                                        + "\"total_revenue\":1234.5,\"top_sources\":[{\"source\":\"Google\",\"visitors\":450,\"percent\":90.0}]}],"
                                        + "\"currency\":\"USD\"}}")
                        .<ChannelReport>check(r -> {
                            assertThat(r.currency()).isEqualTo("USD");
                            assertThat(r.channels().get(0).totalRevenue()).isEqualTo(1234.5);
                            assertThat(r.channels().get(0).topSources().get(0).percent()).isEqualTo(90.0);
                        }),
                RouteCase.of("GET", "/organizations/{orgId}/sites/{siteId}/analytics/sources")
                        .call(e -> e.analytics().sources(SITE)
                                .period(Period.custom(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 14))))
                        .path(ORG_SITE + "/analytics/sources")
                        .query("period", "custom").query("from", "2026-03-01").query("to", "2026-03-14")
                        .answers(200, "{\"success\":true,\"data\":[{\"source\":\"Google\",\"visitors\":450}]}")
                        .<AnalyticsReport>check(r -> assertThat(r.rows()).hasSize(1)),
                RouteCase.of("GET", "/organizations/{orgId}/sites/{siteId}/analytics/referrers")
                        .call(e -> e.analytics().referrers(SITE).period(Period.MONTH).date(LocalDate.of(2026, 2, 1)))
                        .path(ORG_SITE + "/analytics/referrers")
                        .query("period", "month").query("date", "2026-02-01")
                        .answers(200,
                                "{\"success\":true,\"data\":{\"referrers\":[{\"referrer\":\"news.ycombinator.com\",\"visitors\":80}]}}")
                        .<AnalyticsReport>check(
                                r -> assertThat(r.rows().get(0).path("visitors").asInt()).isEqualTo(80)),
                RouteCase.of("GET", "/organizations/{orgId}/sites/{siteId}/analytics/campaigns")
                        .call(e -> e.analytics().campaigns(SITE).period(Period.TWELVE_MONTHS)
                                .rawFilters("[{\"utm_source\":\"newsletter\"}]"))
                        .path(ORG_SITE + "/analytics/campaigns")
                        .query("period", "12mo").query("filters", "[{\"utm_source\":\"newsletter\"}]")
                        .answers(200, "{\"success\":true,\"data\":{\"campaigns\":[]}}")
                        .<AnalyticsReport>check(r -> assertThat(r.rows()).isEmpty()),
                RouteCase.of("GET", "/organizations/{orgId}/sites/{siteId}/visitors")
                        .call(e -> e.visitors().list(SITE).search("ada").page(2).limit(100))
                        .path(ORG_SITE + "/visitors")
                        .query("search", "ada").query("page", "2").query("limit", "100")
                        .answers(200,
                                "{\"success\":true,\"data\":{\"visitors\":[" + VISITOR_JSON
                                        + "],\"total\":101,\"page\":2,\"limit\":100}}")
                        .<VisitorPage>check(p -> {
                            assertThat(p.total()).isEqualTo(101L);
                            assertThat(p.page()).isEqualTo(2);
                            assertThat(p.visitors().get(0).email()).isEqualTo("ada@example.com");
                            assertThat(p.visitors().get(0).lastSeenAt())
                                    .isEqualTo(Instant.parse("2026-03-14T12:00:00Z"));
                            assertThat(p.visitors().get(0).totalRevenue()).isEqualTo(149.99);
                        }),
                RouteCase.of("GET", "/organizations/{orgId}/sites/{siteId}/visitors/{visitorId}/timeline")
                        .call(e -> e.visitors().timeline(SITE, "v-1").limit(20))
                        .path(ORG_SITE + "/visitors/v-1/timeline")
                        .query("limit", "20")
                        .answers(200, "{\"success\":true,\"data\":{\"visitor\":" + VISITOR_JSON
                                + ",\"timeline\":[{\"id\":\"e-1\","
                                + "\"session_id\":\"s-1\",\"event_type\":\"purchase\",\"timestamp\":\"2026-03-14T12:00:00Z\","
                                + "\"revenue\":149.99,\"currency\":\"USD\",\"properties\":{\"plan\":\"pro\"}}],"
                                + "\"pagination\":{\"total\":1,\"page\":1,\"limit\":20}}}")
                        .<VisitorTimeline>check(t -> {
                            assertThat(t.visitor().name()).isEqualTo("Ada");
                            assertThat(t.timeline().get(0).eventType()).isEqualTo("purchase");
                            assertThat(t.timeline().get(0).properties()).containsEntry("plan", "pro");
                            assertThat(t.total()).isEqualTo(1L);
                            assertThat(t.limit()).isEqualTo(20);
                        }),
                RouteCase.of("POST", "/organizations/{orgId}/sites/{siteId}/funnels")
                        .call(e -> e.funnels().create(SITE, FunnelInput.of("Checkout",
                                FunnelStep.pageview("Cart", "/cart"),
                                FunnelStep.customEvent("Paid", "purchase").withMatchType(MatchType.EXACT))))
                        .path(ORG_SITE + "/funnels")
                        .body("{\"name\":\"Checkout\",\"steps\":[{\"name\":\"Cart\",\"order\":1,\"type\":\"pageview\",\"pattern\":\"/cart\"},"
                                + "{\"name\":\"Paid\",\"order\":2,\"type\":\"custom_event\",\"pattern\":\"purchase\",\"match_type\":\"exact\"}]}")
                        .answers(201, "{\"success\":true,\"data\":{\"id\":\"f-1\",\"name\":\"Checkout\"}}")
                        .<Funnel>check(f -> assertThat(f.id()).isEqualTo("f-1")),
                RouteCase.of("GET", "/organizations/{orgId}/sites/{siteId}/funnels/{funnelId}/analyze")
                        .call(e -> e.funnels().analyze(SITE, "f-1").period(Period.THIRTY_DAYS))
                        .path(ORG_SITE + "/funnels/f-1/analyze")
                        .query("period", "30d")
                        .answers(200,
                                "{\"success\":true,\"data\":{\"steps\":[{\"step_id\":\"st-1\",\"name\":\"Cart\",\"order\":1,"
                                        + "\"visitors\":100,\"dropoff_rate\":0,\"conversion_rate\":100,\"revenue\":0,"
                                        + "\"top_sources\":[{\"source\":\"Google\",\"visitors\":60}],\"top_countries\":[]},"
                                        + "{\"step_id\":\"st-2\",\"name\":\"Paid\",\"order\":2,\"visitors\":25,\"dropoff_rate\":75,"
                                        + "\"conversion_rate\":25,\"revenue\":3749.75}]}}")
                        .<FunnelAnalysis>check(a -> {
                            assertThat(a.steps()).hasSize(2);
                            assertThat(a.steps().get(1).dropoffRate()).isEqualTo(75.0);
                            assertThat(a.steps().get(0).topSources().get(0).path("source").asText())
                                    .isEqualTo("Google");
                        }),
                RouteCase.of("POST", "/organizations/{orgId}/api-keys").session()
                        .call(e -> e.apiKeys()
                                .create(ApiKeyInput.of("Data Warehouse Sync", Scope.ANALYTICS_READ, Scope.SITES_READ)
                                        .withExpiresAt(Instant.parse("2026-12-31T23:59:59Z"))))
                        .path("/organizations/" + ORG + "/api-keys")
                        .body("{\"name\":\"Data Warehouse Sync\",\"scopes\":[\"analytics:read\",\"sites:read\"],"
                                + "\"expires_at\":\"2026-12-31T23:59:59Z\"}")
                        .answers(201, "{\"success\":true,\"data\":{\"id\":\"k-1\",\"name\":\"Data Warehouse Sync\","
                                + "\"key\":\"et_live_a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6\"}}")
                        .<CreatedApiKey>check(k -> {
                            assertThat(k.key()).isEqualTo("et_live_a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6");
                            assertThat(k.toString()).doesNotContain("a1b2c3d4");
                            assertThat(k.json().toString()).doesNotContain("a1b2c3d4");
                        }),
                RouteCase.of("GET", "/organizations/{orgId}/api-keys").session()
                        .call(e -> e.apiKeys().list())
                        .path("/organizations/" + ORG + "/api-keys")
                        .answers(200,
                                "{\"success\":true,\"data\":[{\"id\":\"k-1\",\"name\":\"Sync\",\"scopes\":[\"analytics:read\"],"
                                        + "\"preview\":\"c5d6\"}]}")
                        .<List<ApiKey>>check(keys -> {
                            assertThat(keys.get(0).scopes()).containsExactly(Scope.ANALYTICS_READ);
                            assertThat(keys.get(0).text("preview")).isEqualTo("c5d6");
                        }),
                RouteCase.of("DELETE", "/organizations/{orgId}/api-keys/{keyId}").session()
                        .call(e -> e.apiKeys().revoke("k-1"))
                        .path("/organizations/" + ORG + "/api-keys/k-1")
                        .answers(200, "{\"success\":true,\"data\":{\"revoked\":true}}")
                        .check(r -> assertThat(r).isNull()),
                RouteCase.of("POST", "/organizations/{orgId}/team/invites").session()
                        .call(e -> e.team()
                                .invite(InviteInput.of("bob@example.com", TeamRole.MEMBER).withSiteIds(List.of(SITE))))
                        .path("/organizations/" + ORG + "/team/invites")
                        .body("{\"email\":\"bob@example.com\",\"role\":\"member\",\"site_ids\":[\"" + SITE + "\"]}")
                        .answers(201, "{\"success\":true,\"data\":{\"email\":\"bob@example.com\",\"role\":\"member\"}}")
                        .<Invitation>check(i -> assertThat(i.role()).isEqualTo("member")),
                RouteCase.of("POST", "/event").noCredentials()
                        .call(e -> e.ingestion()
                                .event(TrackedEvent.builder("pk_live_abc", "https://shop.example.com/thanks")
                                        .eventType(EventType.PURCHASE).revenue(149.99).currency("usd")
                                        .orderId("ORD-789")
                                        .visitorUid("uid-1").screen(1920, 1080).scrollDepth(80).property("plan", "pro")
                                        .build()))
                        .path("/event")
                        .body("{\"site_id\":\"pk_live_abc\",\"url\":\"https://shop.example.com/thanks\",\"event_type\":\"purchase\","
                                + "\"visitor_uid\":\"uid-1\",\"screen_w\":1920,\"screen_h\":1080,\"scroll_depth\":80,\"revenue\":149.99,"
                                + "\"currency\":\"USD\",\"order_id\":\"ORD-789\",\"properties\":{\"plan\":\"pro\"}}")
                        .answersText(202, "ok")
                        .check(r -> assertThat(r).isNull()),
                RouteCase.of("POST", "/identify").noCredentials()
                        .call(e -> e.ingestion().identify(IdentifyCall.builder("pk_live_abc", "uid-1", "user-7")
                                .name("Ada").email("ada@example.com").custom("plan", "pro").build()))
                        .path("/identify")
                        .body("{\"site_id\":\"pk_live_abc\",\"visitor_uid\":\"uid-1\",\"user_id\":\"user-7\",\"name\":\"Ada\","
                                + "\"email\":\"ada@example.com\",\"custom\":{\"plan\":\"pro\"}}")
                        .answersText(202, "ok")
                        .check(r -> assertThat(r).isNull()));
    }
}
