package io.tally.hitkeep.routes;

import static io.tally.hitkeep.routes.RouteCasesAccount.FROM;
import static io.tally.hitkeep.routes.RouteCasesAccount.SITE;
import static io.tally.hitkeep.routes.RouteCasesAccount.TEAM;
import static io.tally.hitkeep.routes.RouteCasesAccount.TO;
import static io.tally.hitkeep.routes.RouteCasesAccount.USER;
import static io.tally.hitkeep.routes.RouteCasesAccount.list;
import static org.assertj.core.api.Assertions.assertThat;

import io.tally.core.time.DateRange;
import io.tally.hitkeep.Download;
import io.tally.hitkeep.ExportFormat;
import io.tally.hitkeep.Filter;
import io.tally.hitkeep.model.AiFetch;
import io.tally.hitkeep.model.ExclusionInput;
import io.tally.hitkeep.model.ExclusionType;
import io.tally.hitkeep.model.HitPage;
import io.tally.hitkeep.model.HitSort;
import io.tally.hitkeep.model.IpExclusion;
import io.tally.hitkeep.model.RealtimeEvent;
import io.tally.hitkeep.model.RealtimeEventType;
import io.tally.hitkeep.model.ServerEvent;
import io.tally.hitkeep.model.ServerPageview;
import io.tally.hitkeep.model.Site;
import io.tally.hitkeep.model.SiteMember;
import io.tally.hitkeep.model.SiteRole;
import io.tally.hitkeep.model.SiteStats;
import io.tally.hitkeep.model.SiteTrackingStatus;
import io.tally.hitkeep.model.SiteTransfer;
import io.tally.hitkeep.model.Status;
import io.tally.hitkeep.model.TrackingState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Route cases for server-side ingest and the sites, stats and hits routes. */
final class RouteCasesSites {
    static final String GOAL = "3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a";
    static final String FUNNEL = "4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b";
    static final String RULE = "6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c";

    private static final String SITE_JSON = "{\"id\":\"" + SITE + "\",\"user_id\":\"" + USER
            + "\",\"domain\":\"shop.example.com\","
            + "\"owner_email\":\"ada@example.com\",\"data_retention_days\":365,\"retention_synced_from_plan\":false,"
            + "\"created_at\":\"2026-01-10T12:00:00.123456+02:00\"}";
    private static final String STATS_JSON = "{\"live_visitors\":4,\"total_pageviews\":1234,\"unique_sessions\":456,\"bounce_rate\":41.5,"
            + "\"avg_session_duration\":93.2,\"pages_per_session\":2.7,"
            + "\"chart_data\":[{\"time\":\"2026-06-01T00:00:00Z\",\"pageviews\":180,\"visitors\":70},{\"time\":\"2026-06-02T00:00:00Z\",\"pageviews\":150,\"visitors\":61}],"
            + "\"top_pages\":[{\"name\":\"/pricing\",\"value\":321},{\"name\":\"/\",\"value\":300}],\"top_landing_pages\":[{\"name\":\"/\",\"value\":200}],"
            + "\"top_exit_pages\":null,\"top_referrers\":[{\"name\":\"(Direct)\",\"value\":220}],\"top_devices\":[{\"name\":\"desktop\",\"value\":300}],"
            + "\"top_countries\":[{\"name\":\"DE\",\"value\":280}],\"top_cities\":[],\"top_providers\":[],\"top_asns\":[],"
            + "\"top_browsers\":[{\"name\":\"Firefox\",\"value\":120}],\"top_ai_bots\":[{\"name\":\"GPTBot\",\"value\":12}],\"top_ai_sources\":[],"
            + "\"top_languages\":[{\"name\":\"de\",\"value\":260}],\"top_utm_campaigns\":[],\"top_utm_contents\":[],\"top_utm_mediums\":[],"
            + "\"top_utm_sources\":[{\"name\":\"newsletter\",\"value\":44}],\"top_utm_terms\":[],\"ai_bot_hits\":12,\"ai_source_visits\":3,"
            + "\"utm_campaign_hits\":0,\"utm_content_hits\":0,\"utm_medium_hits\":0,\"utm_source_hits\":44,\"utm_term_hits\":0,"
            + "\"goals\":[{\"goal_id\":\"" + GOAL
            + "\",\"name\":\"Saw pricing\",\"conversions\":90,\"conversion_rate\":19.7}],"
            + "\"funnels\":[{\"id\":\"" + FUNNEL + "\",\"site_id\":\"" + SITE + "\",\"name\":\"Checkout\","
            + "\"steps\":[{\"type\":\"path\",\"value\":\"/cart\"},{\"type\":\"event\",\"value\":\"purchase\"}],\"created_at\":\"2026-03-01T00:00:00Z\"}],"
            + "\"comparison\":{\"total_pageviews\":1000,\"unique_sessions\":400,\"bounce_rate\":45.0,\"avg_session_duration\":80.5,"
            + "\"pages_per_session\":2.5,\"chart_data\":[],\"utm_source_hits\":30,\"goals\":[],\"total_conversions\":70}}\n";
    private static final String SSE = ": connected\nretry: 3000\n\n"
            + "id: 41\nevent: analytics.changed\ndata: {\"site_id\":\"" + SITE + "\",\"kinds\":[\"hits\",\"events\"],"
            + "\"changed_at\":\"2026-06-25T10:15:02Z\",\"bucket_start\":\"2026-06-25T10:15:00Z\",\"counts\":{\"hits\":3,\"events\":1}}\n\n"
            + ": heartbeat\n\n"
            + "id: 42\nevent: analytics.resync\ndata: {\"site_id\":\"" + SITE
            + "\",\"kinds\":[\"hits\",\"events\",\"ecommerce\",\"web_vitals\"],"
            + "\"changed_at\":\"2026-06-25T10:16:00Z\",\"bucket_start\":\"2026-06-25T10:16:00Z\",\"counts\":{}}\n\n";

    private RouteCasesSites() {}

    static List<RouteCase> cases() {
        return Arrays.asList(
                // ---- 02 Ingest (server side) ---------------------------------------------------------
                RouteCase.post("/api/ingest/server/pageview")
                        .call(hk -> hk.ingest().pageview(ServerPageview.builder()
                                .url("https://shop.example.com/cart?utm_source=newsletter")
                                .timestamp(Instant.parse("2026-06-25T10:15:02Z"))
                                .visitorIp("2001:db8::7").userAgent("Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0")
                                .referrer("https://news.example.org/").viewport(1280, 720).screen(1920, 1080)
                                .language("de-DE")
                                .sessionId("11111111-2222-4333-8444-555555555555").build()))
                        .path("/api/ingest/server/pageview")
                        .jsonBody(
                                "{\"url\":\"https://shop.example.com/cart?utm_source=newsletter\",\"timestamp\":\"2026-06-25T10:15:02Z\","
                                        + "\"visitor_ip\":\"2001:db8::7\",\"user_agent\":\"Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0\","
                                        + "\"referrer\":\"https://news.example.org/\",\"viewport_width\":1280,\"viewport_height\":720,"
                                        + "\"screen_width\":1920,\"screen_height\":1080,\"language\":\"de-DE\","
                                        + "\"session_id\":\"11111111-2222-4333-8444-555555555555\"}")
                        .respond(202, "")
                        .check(r -> assertThat(r).isNull()),
                RouteCase.post("/api/ingest/server/event")
                        .call(hk -> hk.ingest().event(ServerEvent.builder("signup")
                                .url("https://shop.example.com/welcome")
                                .timestamp(Instant.parse("2026-06-25T10:16:00Z"))
                                .visitorIp("203.0.113.7").userAgent("Mozilla/5.0").property("plan", "pro")
                                .property("seats", 5)
                                .dnt(false).build()))
                        .path("/api/ingest/server/event")
                        .jsonBody(
                                "{\"url\":\"https://shop.example.com/welcome\",\"timestamp\":\"2026-06-25T10:16:00Z\","
                                        + "\"visitor_ip\":\"203.0.113.7\",\"user_agent\":\"Mozilla/5.0\",\"name\":\"signup\","
                                        + "\"properties\":{\"plan\":\"pro\",\"seats\":5},\"dnt\":false}")
                        .respond(202, "")
                        .check(r -> assertThat(r).isNull()),
                RouteCase.post("/api/sites/{id}/ingest/ai-fetch")
                        .call(hk -> hk.ingest().aiFetch(SITE, AiFetch.builder("/docs/pricing", 200,
                                "Mozilla/5.0 (compatible; GPTBot/1.2; +https://openai.com/gptbot)")
                                .hostname("docs.example.com").contentType("text/html").responseMs(38).bytesServed(18432)
                                .build()))
                        .path("/api/sites/" + SITE + "/ingest/ai-fetch")
                        .jsonBody("{\"path\":\"/docs/pricing\",\"hostname\":\"docs.example.com\",\"status_code\":200,"
                                + "\"content_type\":\"text/html\",\"response_ms\":38,\"bytes_served\":18432,"
                                + "\"user_agent\":\"Mozilla/5.0 (compatible; GPTBot/1.2; +https://openai.com/gptbot)\"}")
                        .respond(202, "")
                        .check(r -> assertThat(r).isNull()),

                // ---- 07a Sites, stats, hits ----------------------------------------------------------
                RouteCase.get("/api/favicon/{domain}").call(hk -> hk.sites().favicon("shop.example.com"))
                        .path("/api/favicon/shop.example.com").noCredentials()
                        .respondContentType("image/x-icon").respond(200, "ICO-bytes")
                        .check(r -> {
                            Download d = (Download) r;
                            assertThat(d.contentType()).isEqualTo("image/x-icon");
                            assertThat(new String(d.bytes(), StandardCharsets.UTF_8)).isEqualTo("ICO-bytes");
                        }),
                RouteCase.get("/api/sites").call(hk -> hk.sites().list()).path("/api/sites")
                        .respond(200, "[" + SITE_JSON + "]\n")
                        .check(r -> assertThat(list(r, Site.class)).singleElement().satisfies(s -> {
                            assertThat(s.domain()).isEqualTo("shop.example.com");
                            assertThat(s.ownerEmail()).isEqualTo("ada@example.com");
                            assertThat(s.dataRetentionDays()).isEqualTo(365);
                            assertThat(s.createdAt()).isEqualTo(Instant.parse("2026-01-10T10:00:00.123456Z"));
                        })),
                RouteCase.post("/api/sites").call(hk -> hk.sites().create("Shop.Example.com")).path("/api/sites")
                        .withSession()
                        .jsonBody("{\"domain\":\"shop.example.com\"}").respond(200, SITE_JSON + "\n")
                        .check(r -> assertThat(((Site) r).id()).isEqualTo(SITE)),
                RouteCase.delete("/api/sites/{id}").call(hk -> hk.sites().delete(SITE)).path("/api/sites/" + SITE)
                        .respond(200, "{\"status\":\"ok\",\"message\":\"Site deleted\"}\n")
                        .check(r -> assertThat(((Status) r).message()).isEqualTo("Site deleted")),
                RouteCase.get("/api/sites/{id}/exclusions").call(hk -> hk.sites().exclusions(SITE))
                        .path("/api/sites/" + SITE + "/exclusions")
                        .respond(200,
                                "[{\"id\":\"" + RULE + "\",\"site_id\":\"" + SITE
                                        + "\",\"type\":\"cidr\",\"cidr\":\"203.0.113.0/24\","
                                        + "\"description\":\"office\",\"created_by\":\"" + USER
                                        + "\",\"created_at\":\"2026-02-01T08:00:00Z\"},"
                                        + "{\"id\":\"7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d\",\"site_id\":\"" + SITE
                                        + "\",\"type\":\"country\",\"country_code\":\"KP\","
                                        + "\"created_at\":\"2026-02-02T08:00:00Z\"}]\n")
                        .check(r -> {
                            List<IpExclusion> rules = list(r, IpExclusion.class);
                            assertThat(rules).extracting(IpExclusion::type).containsExactly(ExclusionType.CIDR,
                                    ExclusionType.COUNTRY);
                            assertThat(rules.get(0).cidr()).isEqualTo("203.0.113.0/24");
                            assertThat(rules.get(1).countryCode()).isEqualTo("KP");
                        }),
                RouteCase.post("/api/sites/{id}/exclusions")
                        .call(hk -> hk.sites().addExclusion(SITE, ExclusionInput.cidr("203.0.113.0/24", "office")))
                        .path("/api/sites/" + SITE + "/exclusions")
                        .jsonBody("{\"type\":\"cidr\",\"cidr\":\"203.0.113.0/24\",\"description\":\"office\"}")
                        .respond(201,
                                "{\"id\":\"" + RULE + "\",\"site_id\":\"" + SITE
                                        + "\",\"type\":\"cidr\",\"cidr\":\"203.0.113.0/24\","
                                        + "\"description\":\"office\",\"created_at\":\"2026-06-25T10:00:00Z\"}\n")
                        .check(r -> assertThat(((IpExclusion) r).id()).isEqualTo(RULE)),
                RouteCase.delete("/api/sites/{id}/exclusions/{ruleID}")
                        .call(hk -> hk.sites().deleteExclusion(SITE, RULE))
                        .path("/api/sites/" + SITE + "/exclusions/" + RULE).respond(204, "")
                        .check(r -> assertThat(r).isNull()),
                RouteCase.get("/api/sites/{id}/hits")
                        .call(hk -> hk.sites().hits(SITE).range(DateRange.between(FROM, TO))
                                .filter(Filter.path("/pricing"))
                                .filter(Filter.country("DE")).pageSize(25).offset(50).search("newsletter")
                                .sort(HitSort.PATH).ascending())
                        .path("/api/sites/" + SITE + "/hits")
                        .query("from", "2026-06-01T00:00:00Z").query("to", "2026-06-08T00:00:00Z")
                        .query("filter", "path:/pricing", "country:DE").query("limit", "25").query("offset", "50")
                        .query("q", "newsletter").query("sort", "path").query("order", "asc")
                        .respond(200, "{\"data\":[{\"id\":\"aa0e7f0a-3c1d-4e2f-9a8b-7c6d5e4f3a2b\",\"site_id\":\""
                                + SITE + "\","
                                + "\"session_id\":\"11111111-2222-4333-8444-555555555555\",\"page_id\":\"22222222-3333-4444-8555-666666666666\","
                                + "\"timestamp\":\"2026-06-02T09:30:00.5Z\",\"path\":\"/pricing?utm_source=newsletter\",\"hostname\":\"shop.example.com\","
                                + "\"referrer\":null,\"user_agent\":\"Mozilla/5.0\",\"viewport_width\":1280,\"viewport_height\":null,"
                                + "\"country_code\":\"DE\",\"city\":\"Berlin\",\"asn\":3320,\"asn_org\":\"Deutsche Telekom AG\","
                                + "\"utm_source\":\"newsletter\",\"qr_code_id\":null,\"is_unique\":true}],\"total\":51}\n")
                        .check(r -> {
                            HitPage page = (HitPage) r;
                            assertThat(page.total()).isEqualTo(51);
                            assertThat(page.items()).singleElement().satisfies(h -> {
                                assertThat(h.path()).isEqualTo("/pricing?utm_source=newsletter");
                                assertThat(h.timestamp()).isEqualTo(Instant.parse("2026-06-02T09:30:00.5Z"));
                                assertThat(h.asn()).isEqualTo(3320L);
                                assertThat(h.viewportWidth()).isEqualTo(1280);
                                assertThat(h.viewportHeight()).isNull();
                                assertThat(h.referrer()).isNull();
                                assertThat(h.isUnique()).isTrue();
                            });
                        }),
                RouteCase.get("/api/sites/{id}/hits/export")
                        .call(hk -> hk.sites().exportHits(SITE).range(DateRange.between(FROM, TO))
                                .filter(Filter.utmSource("newsletter"))
                                .search("pricing").format(ExportFormat.NDJSON))
                        .path("/api/sites/" + SITE + "/hits/export")
                        .query("from", "2026-06-01T00:00:00Z").query("to", "2026-06-08T00:00:00Z")
                        .query("filter", "utm_source:newsletter")
                        .query("q", "pricing").query("format", "ndjson")
                        .respondContentType("application/x-ndjson")
                        .respondHeader("Content-Disposition", "attachment; filename=\"hits-shop.example.com.ndjson\"")
                        .respond(200, "{\"path\":\"/pricing\"}\n{\"path\":\"/pricing?x=1\"}\n")
                        .check(r -> {
                            Download d = (Download) r;
                            assertThat(d.fileName()).isEqualTo("hits-shop.example.com.ndjson");
                            assertThat(new String(d.bytes(), StandardCharsets.UTF_8)).hasLineCount(2);
                        }),
                RouteCase.get("/api/sites/{id}/members").call(hk -> hk.sites().members(SITE))
                        .path("/api/sites/" + SITE + "/members")
                        .respond(200,
                                "[{\"id\":\"m2\",\"user_id\":\"" + USER
                                        + "\",\"email\":\"ada@example.com\",\"role\":\"owner\","
                                        + "\"added_at\":\"2026-01-10T12:00:00Z\"}]\n")
                        .check(r -> assertThat(list(r, SiteMember.class)).singleElement()
                                .satisfies(m -> assertThat(m.role()).isEqualTo(SiteRole.OWNER))),
                RouteCase.post("/api/sites/{id}/members")
                        .call(hk -> hk.sites().addMember(SITE, "grace@example.com", SiteRole.EDITOR))
                        .path("/api/sites/" + SITE + "/members")
                        .jsonBody("{\"email\":\"grace@example.com\",\"role\":\"editor\"}")
                        .respond(200, "{\"status\":\"ok\"}\n")
                        .check(r -> assertThat(((Status) r).status()).isEqualTo("ok")),
                RouteCase.delete("/api/sites/{id}/members/{userId}").call(hk -> hk.sites().removeMember(SITE, USER))
                        .path("/api/sites/" + SITE + "/members/" + USER).respond(200, "{\"status\":\"ok\"}\n")
                        .check(r -> assertThat(((Status) r).status()).isEqualTo("ok")),
                RouteCase.get("/api/sites/{id}/realtime").call(hk -> hk.sites().realtime(SITE).lastEventId("40"))
                        .path("/api/sites/" + SITE + "/realtime").header("Last-Event-ID", "40")
                        .header("Accept", "text/event-stream")
                        .respondContentType("text/event-stream").respond(200, SSE)
                        .check(r -> {
                            List<RealtimeEvent> events = list(r, RealtimeEvent.class);
                            assertThat(events).extracting(RealtimeEvent::id).containsExactly("41", "42");
                            RealtimeEvent changed = events.get(0);
                            assertThat(changed.type()).isEqualTo(RealtimeEventType.ANALYTICS_CHANGED);
                            assertThat(changed.siteId()).isEqualTo(SITE);
                            assertThat(changed.kinds()).containsExactly("hits", "events");
                            assertThat(changed.count("hits")).isEqualTo(3);
                            assertThat(changed.changedAt()).isEqualTo(Instant.parse("2026-06-25T10:15:02Z"));
                            assertThat(events.get(1).isResync()).isTrue();
                            assertThat(events.get(1).counts()).isEmpty();
                        }),
                RouteCase.put("/api/sites/{id}/retention").call(hk -> hk.sites().setRetention(SITE, 180))
                        .path("/api/sites/" + SITE + "/retention").jsonBody("{\"days\":180}")
                        .respond(200, "{\"status\":\"updated\"}\n")
                        .check(r -> assertThat(r).isNull()),
                RouteCase.get("/api/sites/{id}/stats")
                        .call(hk -> hk.sites().stats(SITE).range(DateRange.between(FROM, TO))
                                .filter(Filter.country("DE"))
                                .filter(Filter.parse("referrer:(Direct)")).goal(GOAL).funnel(FUNNEL)
                                .compareWithPreviousPeriod())
                        .path("/api/sites/" + SITE + "/stats")
                        .query("from", "2026-06-01T00:00:00Z").query("to", "2026-06-08T00:00:00Z")
                        .query("filter", "country:DE", "referrer:(Direct)").query("goal_id", GOAL)
                        .query("funnel_id", FUNNEL)
                        .query("compare_from", "2026-05-25T00:00:00Z").query("compare_to", "2026-06-01T00:00:00Z")
                        .respond(200, STATS_JSON)
                        .check(r -> {
                            SiteStats s = (SiteStats) r;
                            assertThat(s.totalPageviews()).isEqualTo(1234);
                            assertThat(s.bounceRatePercent()).isEqualTo(41.5);
                            assertThat(s.avgSessionDurationSeconds()).isEqualTo(93.2);
                            assertThat(s.chartData()).hasSize(2);
                            assertThat(s.topPages().get(0).name()).isEqualTo("/pricing");
                            assertThat(s.topExitPages()).isEmpty();
                            assertThat(s.topBrowsers()).extracting(m -> m.name()).containsExactly("Firefox");
                            assertThat(s.goals()).singleElement()
                                    .satisfies(g -> assertThat(g.conversionRatePercent()).isEqualTo(19.7));
                            assertThat(s.funnels().get(0).steps()).hasSize(2);
                            assertThat(s.hasComparison()).isTrue();
                            assertThat(s.comparison()).hasValueSatisfying(c -> {
                                assertThat(c.totalPageviews()).isEqualTo(1000);
                                assertThat(c.totalConversions()).isEqualTo(70);
                            });
                        }),
                RouteCase.get("/api/sites/{id}/tracking/status").call(hk -> hk.sites().trackingStatus(SITE))
                        .path("/api/sites/" + SITE + "/tracking/status")
                        .respond(200, "{\"site_id\":\"" + SITE + "\",\"tenant_id\":\"" + TEAM
                                + "\",\"status\":\"live\","
                                + "\"first_hit_at\":\"2026-01-11T08:00:00Z\",\"last_hit_at\":\"2026-06-25T10:14:59Z\",\"last_hostname\":\"shop.example.com\","
                                + "\"tracker_source\":\"hk.js\",\"tracker_version\":\"2.8.1\",\"configured_domain\":\"shop.example.com\"}\n")
                        .check(r -> {
                            SiteTrackingStatus t = (SiteTrackingStatus) r;
                            assertThat(t.status()).isEqualTo(TrackingState.LIVE);
                            assertThat(t.lastHitAt()).isEqualTo(Instant.parse("2026-06-25T10:14:59Z"));
                            assertThat(t.lastEventAt()).isNull();
                        }),
                RouteCase.post("/api/sites/{id}/transfer-team").call(hk -> hk.sites().transferToTeam(SITE, TEAM))
                        .path("/api/sites/" + SITE + "/transfer-team").jsonBody("{\"team_id\":\"" + TEAM + "\"}")
                        .respond(200,
                                "{\"status\":\"ok\",\"site_id\":\"" + SITE + "\",\"source_team_id\":\"" + USER + "\","
                                        + "\"destination_team_id\":\"" + TEAM + "\"}\n")
                        .check(r -> assertThat(((SiteTransfer) r).destinationTeamId()).isEqualTo(TEAM)),

                // ---- 14 Reports & takeout (site takeout) ---------------------------------------------
                RouteCase.get("/api/sites/{id}/takeout").call(hk -> hk.sites().takeout(SITE).format(ExportFormat.CSV))
                        .path("/api/sites/" + SITE + "/takeout").query("format", "csv")
                        .respondContentType("text/csv; charset=utf-8")
                        .respondHeader("Content-Disposition", "attachment; filename=\"shop.example.com-takeout.csv\"")
                        .respond(200, "timestamp,path\n2026-06-01T00:00:00Z,/\n")
                        .check(r -> {
                            Download d = (Download) r;
                            assertThat(d.fileName()).isEqualTo("shop.example.com-takeout.csv");
                            assertThat(d.sizeBytes()).isEqualTo(38);
                        }));
    }
}
