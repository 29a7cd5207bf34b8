package io.tally.hitkeep.routes;

import static io.tally.hitkeep.routes.RouteCasesAccount.FROM;
import static io.tally.hitkeep.routes.RouteCasesAccount.SITE;
import static io.tally.hitkeep.routes.RouteCasesAccount.TO;
import static io.tally.hitkeep.routes.RouteCasesAccount.list;
import static io.tally.hitkeep.routes.RouteCasesSites.FUNNEL;
import static io.tally.hitkeep.routes.RouteCasesSites.GOAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.tally.core.time.DateRange;
import io.tally.hitkeep.Download;
import io.tally.hitkeep.ExportFormat;
import io.tally.hitkeep.Filter;
import io.tally.hitkeep.model.AiFetchCorrelationReport;
import io.tally.hitkeep.model.AiFetchOverview;
import io.tally.hitkeep.model.AiFetchSeriesPoint;
import io.tally.hitkeep.model.AiResourceType;
import io.tally.hitkeep.model.ChatbotScope;
import io.tally.hitkeep.model.DigestSubscription;
import io.tally.hitkeep.model.EcommerceProductStat;
import io.tally.hitkeep.model.EcommerceSeriesPoint;
import io.tally.hitkeep.model.EcommerceSourceStat;
import io.tally.hitkeep.model.EcommerceSummary;
import io.tally.hitkeep.model.EventAudience;
import io.tally.hitkeep.model.EventSeriesPoint;
import io.tally.hitkeep.model.Funnel;
import io.tally.hitkeep.model.FunnelInput;
import io.tally.hitkeep.model.FunnelSeriesPoint;
import io.tally.hitkeep.model.FunnelStats;
import io.tally.hitkeep.model.FunnelStep;
import io.tally.hitkeep.model.Goal;
import io.tally.hitkeep.model.GoalInput;
import io.tally.hitkeep.model.GoalSeriesPoint;
import io.tally.hitkeep.model.MatchType;
import io.tally.hitkeep.model.MetricStat;
import io.tally.hitkeep.model.ReportSubscriptions;
import io.tally.hitkeep.model.WebVitalDimension;
import io.tally.hitkeep.model.WebVitalDimensionRow;
import io.tally.hitkeep.model.WebVitalMetric;
import io.tally.hitkeep.model.WebVitalPageRow;
import io.tally.hitkeep.model.WebVitalRating;
import io.tally.hitkeep.model.WebVitalSeriesPoint;
import io.tally.hitkeep.model.WebVitalSummaryMetric;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Route cases for events, ecommerce, Web Vitals, AI analytics, goals, funnels, report subscriptions and the user takeout. */
final class RouteCasesAnalytics {
    private static final String S = "/api/sites/" + SITE;
    private static final String F = "2026-06-01T00:00:00Z";
    private static final String T = "2026-06-08T00:00:00Z";
    private static final DateRange WEEK = DateRange.between(FROM, TO);

    private RouteCasesAnalytics() {}

    static List<RouteCase> cases() {
        return Arrays.asList(
                // ---- 07b Events ----------------------------------------------------------------------
                RouteCase.get("/api/sites/{id}/events/names").call(hk -> hk.events().names(SITE).range(WEEK))
                        .path(S + "/events/names").query("from", F).query("to", T)
                        .respond(200, "[\"signup\",\"purchase\",\"outbound_link\"]\n")
                        .check(r -> assertThat(list(r, String.class)).containsExactly("signup", "purchase",
                                "outbound_link")),
                RouteCase.get("/api/sites/{id}/events/properties")
                        .call(hk -> hk.events().properties(SITE, "signup").range(WEEK))
                        .path(S + "/events/properties").query("from", F).query("to", T).query("event_name", "signup")
                        .respond(200, "[\"plan\",\"seats\"]\n")
                        .check(r -> assertThat(list(r, String.class)).containsExactly("plan", "seats")),
                RouteCase.get("/api/sites/{id}/events/breakdown")
                        .call(hk -> hk.events().breakdown(SITE, "signup", "plan").range(WEEK))
                        .path(S + "/events/breakdown").query("from", F).query("to", T).query("event_name", "signup")
                        .query("property_key", "plan")
                        .respond(200, "[{\"name\":\"pro\",\"value\":31},{\"name\":\"free\",\"value\":112}]\n")
                        .check(r -> assertThat(list(r, MetricStat.class))
                                .extracting(MetricStat::name, MetricStat::value)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple("pro", 31L),
                                        org.assertj.core.groups.Tuple.tuple("free", 112L))),
                RouteCase.get("/api/sites/{id}/events/timeseries")
                        .call(hk -> hk.events().timeseries(SITE, "signup").range(WEEK).property("plan", "pro")
                                .filter(Filter.device("mobile")))
                        .path(S + "/events/timeseries").query("event_name", "signup").query("from", F).query("to", T)
                        .query("property_key", "plan").query("property_value", "pro").query("filter", "device:mobile")
                        .respond(200,
                                "[{\"time\":\"2026-06-01T00:00:00Z\",\"count\":4},{\"time\":\"2026-06-02T00:00:00Z\",\"count\":0}]\n")
                        .check(r -> assertThat(list(r, EventSeriesPoint.class)).extracting(EventSeriesPoint::count)
                                .containsExactly(4L, 0L)),
                RouteCase.get("/api/sites/{id}/events/audience")
                        .call(hk -> hk.events().audience(SITE, "purchase").range(WEEK).property("currency", "EUR")
                                .filter(Filter.country("AT")))
                        .path(S + "/events/audience").query("event_name", "purchase").query("from", F).query("to", T)
                        .query("property_key", "currency").query("property_value", "EUR").query("filter", "country:AT")
                        .respond(200,
                                "{\"top_pages\":[{\"name\":\"/checkout/done\",\"value\":17}],\"top_referrers\":[{\"name\":\"(Direct)\",\"value\":9}],"
                                        + "\"top_countries\":[{\"name\":\"AT\",\"value\":17}],\"top_devices\":null,\"top_cities\":[],\"top_providers\":[],"
                                        + "\"top_asns\":[],\"imported_excluded\":[{\"reason\":\"imported_aggregates_unfiltered\"}]}\n")
                        .check(r -> {
                            EventAudience a = (EventAudience) r;
                            assertThat(a.topPages().get(0).name()).isEqualTo("/checkout/done");
                            assertThat(a.topDevices()).isEmpty();
                            assertThat(a.importedExcluded()).extracting(x -> x.reason())
                                    .containsExactly("imported_aggregates_unfiltered");
                        }),

                // ---- 07b Ecommerce -------------------------------------------------------------------
                RouteCase.get("/api/sites/{id}/ecommerce")
                        .call(hk -> hk.ecommerce().summary(SITE).range(WEEK).itemId("sku-42").itemName("Mug")
                                .filter(Filter.utmCampaign("summer")))
                        .path(S + "/ecommerce").query("from", F).query("to", T).query("item_id", "sku-42")
                        .query("item_name", "Mug")
                        .query("filter", "utm_campaign:summer")
                        .respond(200,
                                "{\"revenue\":1234.5,\"currency\":\"EUR\",\"orders\":41,\"average_order_value\":30.11,\"checkout_starts\":80,"
                                        + "\"checkout_conversion_rate\":51.25,\"top_cities\":[{\"name\":\"Vienna\",\"value\":12}],\"top_providers\":[],\"top_asns\":[]}\n")
                        .check(r -> {
                            EcommerceSummary e = (EcommerceSummary) r;
                            assertThat(e.revenue()).isEqualTo(1234.5);
                            assertThat(e.currency()).isEqualTo("EUR");
                            assertThat(e.orders()).isEqualTo(41);
                            assertThat(e.topCities().get(0).name()).isEqualTo("Vienna");
                        }),
                RouteCase.get("/api/sites/{id}/ecommerce/products")
                        .call(hk -> hk.ecommerce().products(SITE).range(WEEK).limit(5))
                        .path(S + "/ecommerce/products").query("from", F).query("to", T).query("limit", "5")
                        .respond(200,
                                "[{\"item_id\":\"sku-42\",\"item_name\":\"Mug\",\"orders\":12,\"quantity\":15,\"revenue\":179.85}]\n")
                        .check(r -> assertThat(list(r, EcommerceProductStat.class)).singleElement().satisfies(p -> {
                            assertThat(p.itemId()).isEqualTo("sku-42");
                            assertThat(p.quantity()).isEqualTo(15);
                        })),
                RouteCase.get("/api/sites/{id}/ecommerce/sources")
                        .call(hk -> hk.ecommerce().sources(SITE).range(WEEK).limit(3))
                        .path(S + "/ecommerce/sources").query("from", F).query("to", T).query("limit", "3")
                        .respond(200,
                                "[{\"referrer\":\"(Direct)\",\"utm_source\":\"newsletter\",\"utm_medium\":\"email\",\"utm_campaign\":\"summer\","
                                        + "\"orders\":7,\"revenue\":210.0}]\n")
                        .check(r -> assertThat(list(r, EcommerceSourceStat.class)).singleElement()
                                .satisfies(s -> assertThat(s.utmMedium()).isEqualTo("email"))),
                RouteCase.get("/api/sites/{id}/ecommerce/timeseries")
                        .call(hk -> hk.ecommerce().timeseries(SITE).range(WEEK))
                        .path(S + "/ecommerce/timeseries").query("from", F).query("to", T)
                        .respond(200, "[{\"time\":\"2026-06-01T00:00:00Z\",\"orders\":3,\"revenue\":89.7}]\n")
                        .check(r -> assertThat(list(r, EcommerceSeriesPoint.class)).singleElement()
                                .satisfies(p -> assertThat(p.revenue()).isEqualTo(89.7))),

                // ---- 07b Web Vitals ------------------------------------------------------------------
                RouteCase.get("/api/sites/{id}/web-vitals/summary")
                        .call(hk -> hk.webVitals().summary(SITE).range(WEEK).path("/pricing")
                                .rating(WebVitalRating.POOR).metric(WebVitalMetric.INP))
                        .path(S + "/web-vitals/summary").query("from", F).query("to", T).query("path", "/pricing")
                        .query("rating", "poor")
                        .query("metric", "INP")
                        .respond(200,
                                "[{\"metric\":\"INP\",\"p75\":412.0,\"samples\":90,\"good\":40,\"needs_improvement\":30,\"poor\":20,\"rating\":\"poor\"}]\n")
                        .check(r -> assertThat(list(r, WebVitalSummaryMetric.class)).singleElement().satisfies(m -> {
                            assertThat(m.metric()).isEqualTo(WebVitalMetric.INP);
                            assertThat(m.rating()).isEqualTo(WebVitalRating.POOR);
                            assertThat(m.needsImprovement()).isEqualTo(30);
                        })),
                RouteCase.get("/api/sites/{id}/web-vitals/timeseries")
                        .call(hk -> hk.webVitals().timeseries(SITE, WebVitalMetric.LCP).range(WEEK).path("/"))
                        .path(S + "/web-vitals/timeseries").query("metric", "LCP").query("from", F).query("to", T)
                        .query("path", "/")
                        .respond(200,
                                "[{\"time\":\"2026-06-01T00:00:00Z\",\"p75\":2310.5,\"samples\":120,\"good\":80,\"needs_improvement\":30,\"poor\":10}]\n")
                        .check(r -> assertThat(list(r, WebVitalSeriesPoint.class)).singleElement()
                                .satisfies(p -> assertThat(p.p75()).isEqualTo(2310.5))),
                RouteCase.get("/api/sites/{id}/web-vitals/pages")
                        .call(hk -> hk.webVitals().pages(SITE, WebVitalMetric.CLS).range(WEEK)
                                .rating(WebVitalRating.NEEDS_IMPROVEMENT).limit(10))
                        .path(S + "/web-vitals/pages").query("metric", "CLS").query("from", F).query("to", T)
                        .query("rating", "needs_improvement").query("limit", "10")
                        .respond(200,
                                "[{\"path\":\"/blog\",\"p75\":0.18,\"samples\":40,\"good\":20,\"needs_improvement\":15,\"poor\":5,\"rating\":\"needs_improvement\","
                                        + "\"metrics\":{\"CLS\":{\"p75\":0.18,\"samples\":40,\"good\":20,\"needs_improvement\":15,\"poor\":5,\"rating\":\"needs_improvement\"},"
                                        + "\"LCP\":{\"p75\":1800,\"samples\":41,\"good\":39,\"needs_improvement\":2,\"poor\":0,\"rating\":\"good\"}}}]\n")
                        .check(r -> assertThat(list(r, WebVitalPageRow.class)).singleElement().satisfies(p -> {
                            assertThat(p.path()).isEqualTo("/blog");
                            assertThat(p.metrics()).containsKeys("CLS", "LCP");
                            assertThat(p.metrics().get("LCP").rating()).isEqualTo(WebVitalRating.GOOD);
                        })),
                RouteCase.get("/api/sites/{id}/web-vitals/breakdown")
                        .call(hk -> hk.webVitals().breakdown(SITE, WebVitalMetric.TTFB, WebVitalDimension.COUNTRY)
                                .range(WEEK).limit(5))
                        .path(S + "/web-vitals/breakdown").query("metric", "TTFB").query("dimension", "country")
                        .query("from", F).query("to", T)
                        .query("limit", "5")
                        .respond(200,
                                "[{\"name\":\"DE\",\"p75\":210.0,\"samples\":300,\"good\":280,\"needs_improvement\":15,\"poor\":5,\"rating\":\"good\"}]\n")
                        .check(r -> assertThat(list(r, WebVitalDimensionRow.class)).singleElement()
                                .satisfies(d -> assertThat(d.name()).isEqualTo("DE"))),

                // ---- 07b AI --------------------------------------------------------------------------
                RouteCase.get("/api/sites/{id}/ai-fetch/overview")
                        .call(hk -> hk.ai().fetchOverview(SITE).range(WEEK).assistantName("GPTBot")
                                .assistantFamily("OpenAI")
                                .resourceType(AiResourceType.HTML).path("/docs"))
                        .path(S + "/ai-fetch/overview").query("from", F).query("to", T)
                        .query("assistant_name", "GPTBot")
                        .query("assistant_family", "OpenAI").query("resource_type", "html").query("path", "/docs")
                        .respond(200,
                                "{\"total_requests\":520,\"total_bytes\":9437184,\"unique_assistants\":4,\"unique_paths\":77,"
                                        + "\"median_response_ms\":41,\"error_rate_4xx\":2.5,\"error_rate_5xx\":0.4,"
                                        + "\"top_assistants\":[{\"name\":\"GPTBot\",\"value\":300}],\"top_families\":[{\"name\":\"OpenAI\",\"value\":310}],"
                                        + "\"top_paths\":[],\"top_error_paths\":[],\"resource_type_split\":[{\"name\":\"html\",\"value\":480}]}\n")
                        .check(r -> {
                            AiFetchOverview o = (AiFetchOverview) r;
                            assertThat(o.totalRequests()).isEqualTo(520);
                            assertThat(o.medianResponseMs()).isEqualTo(41);
                            assertThat(o.errorRate4xx()).isEqualTo(2.5);
                            assertThat(o.resourceTypeSplit().get(0).value()).isEqualTo(480);
                        }),
                RouteCase.get("/api/sites/{id}/ai-fetch/timeseries")
                        .call(hk -> hk.ai().fetchTimeseries(SITE).range(WEEK).assistantName("ClaudeBot"))
                        .path(S + "/ai-fetch/timeseries").query("from", F).query("to", T)
                        .query("assistant_name", "ClaudeBot")
                        .respond(200, "[{\"time\":\"2026-06-01T00:00:00Z\",\"count\":25}]\n")
                        .check(r -> assertThat(list(r, AiFetchSeriesPoint.class)).singleElement()
                                .satisfies(p -> assertThat(p.count()).isEqualTo(25))),
                RouteCase.get("/api/sites/{id}/ai-fetch/correlation")
                        .call(hk -> hk.ai().fetchCorrelation(SITE).range(WEEK).windowDays(14))
                        .path(S + "/ai-fetch/correlation").query("from", F).query("to", T).query("window_days", "14")
                        .respond(200,
                                "{\"summary\":{\"total_fetches\":520,\"fetched_paths\":77,\"correlated_paths\":12,\"uncorrelated_fetches\":300,"
                                        + "\"ai_referred_visits\":45},\"citation_yield\":[{\"path\":\"/docs\",\"assistant_name\":\"ChatGPT\",\"fetch_count\":40,"
                                        + "\"ai_referred_visits\":10,\"citation_yield_pct\":25.0}],\"failure_hotspots\":[{\"path_prefix\":\"/api\","
                                        + "\"assistant_name\":\"GPTBot\",\"total_requests\":50,\"error_requests\":20,\"error_rate_pct\":40.0}],\"opportunity_pages\":null}\n")
                        .check(r -> {
                            AiFetchCorrelationReport c = (AiFetchCorrelationReport) r;
                            assertThat(c.summary().correlatedPaths()).isEqualTo(12);
                            assertThat(c.citationYield().get(0).citationYieldPercent()).isEqualTo(25.0);
                            assertThat(c.failureHotspots().get(0).errorRatePercent()).isEqualTo(40.0);
                            assertThat(c.opportunityPages()).isEmpty();
                        }),
                RouteCase.get("/api/sites/{id}/ai-fetch/export")
                        .call(hk -> hk.ai().exportFetches(SITE).range(WEEK).format(ExportFormat.CSV)
                                .assistantName("GPTBot")
                                .assistantFamily("OpenAI").resourceType(AiResourceType.DOCUMENT)
                                .path("/whitepaper.pdf"))
                        .path(S + "/ai-fetch/export").query("from", F).query("to", T).query("format", "csv")
                        .query("assistant_name", "GPTBot")
                        .query("assistant_family", "OpenAI").query("resource_type", "document")
                        .query("path", "/whitepaper.pdf")
                        .respondContentType("text/csv")
                        .respondHeader("Content-Disposition", "attachment; filename=ai-fetch.csv")
                        .respond(200, "timestamp,assistant_name,path\n2026-06-02T10:00:00Z,GPTBot,/whitepaper.pdf\n")
                        .check(r -> {
                            Download d = (Download) r;
                            assertThat(d.fileName()).isEqualTo("ai-fetch.csv");
                            assertThat(new String(d.bytes(), StandardCharsets.UTF_8))
                                    .contains("GPTBot,/whitepaper.pdf");
                        }),
                RouteCase.get("/api/sites/{id}/ai-chatbots/export")
                        .call(hk -> hk.ai().exportChatbotVisits(SITE).range(WEEK).format(ExportFormat.JSON)
                                .filter(Filter.country("DE"))
                                .scope(ChatbotScope.PROVIDER, "OpenAI"))
                        .path(S + "/ai-chatbots/export").query("from", F).query("to", T).query("format", "json")
                        .query("filter", "country:DE")
                        .query("scope_key", "provider").query("scope_value", "OpenAI")
                        .respondHeader("Content-Disposition", "attachment; filename*=UTF-8''ai-chatbots%20june.json")
                        .respond(200, "[{\"provider\":\"OpenAI\",\"visits\":12}]")
                        .check(r -> {
                            Download d = (Download) r;
                            assertThat(d.fileName()).isEqualTo("ai-chatbots june.json");
                            assertThat(d.contentType()).startsWith("application/json");
                        }),

                // ---- 08 Goals & funnels --------------------------------------------------------------
                RouteCase.get("/api/sites/{id}/goals").call(hk -> hk.goals().list(SITE)).path(S + "/goals")
                        .respond(200,
                                "[{\"id\":\"" + GOAL + "\",\"site_id\":\"" + SITE
                                        + "\",\"name\":\"Saw pricing\",\"type\":\"path\","
                                        + "\"value\":\"/pricing\",\"created_at\":\"2026-03-01T00:00:00Z\"}]\n")
                        .check(r -> assertThat(list(r, Goal.class)).singleElement().satisfies(g -> {
                            assertThat(g.type()).isEqualTo(MatchType.PATH);
                            assertThat(g.value()).isEqualTo("/pricing");
                        })),
                RouteCase.post("/api/sites/{id}/goals")
                        .call(hk -> hk.goals().create(SITE, GoalInput.of("Signed up", MatchType.EVENT, "signup")))
                        .path(S + "/goals").jsonBody("{\"name\":\"Signed up\",\"type\":\"event\",\"value\":\"signup\"}")
                        .respond(201, "")
                        .check(r -> assertThat(r).isNull()),
                RouteCase.delete("/api/sites/{id}/goals/{goalID}").call(hk -> hk.goals().delete(SITE, GOAL))
                        .path(S + "/goals/" + GOAL)
                        .respond(200, "").check(r -> assertThat(r).isNull()),
                RouteCase.get("/api/sites/{id}/goals/timeseries")
                        .call(hk -> hk.goals().timeseries(SITE, GOAL).range(WEEK))
                        .path(S + "/goals/timeseries").query("goal_id", GOAL).query("from", F).query("to", T)
                        .respond(200,
                                "[{\"time\":\"2026-06-01T00:00:00Z\",\"conversions\":9},{\"time\":\"2026-06-02T00:00:00Z\",\"conversions\":14}]\n")
                        .check(r -> assertThat(list(r, GoalSeriesPoint.class)).extracting(GoalSeriesPoint::conversions)
                                .containsExactly(9L, 14L)),
                RouteCase.get("/api/sites/{id}/funnels").call(hk -> hk.funnels().list(SITE)).path(S + "/funnels")
                        .respond(200, "[{\"id\":\"" + FUNNEL + "\",\"site_id\":\"" + SITE
                                + "\",\"name\":\"Checkout\",\"steps\":[{\"type\":\"path\","
                                + "\"value\":\"/cart\"},{\"type\":\"event\",\"value\":\"purchase\"}],\"created_at\":\"2026-03-01T00:00:00Z\"}]\n")
                        .check(r -> assertThat(list(r, Funnel.class)).singleElement()
                                .satisfies(f -> assertThat(f.steps())
                                        .containsExactly(FunnelStep.path("/cart"), FunnelStep.event("purchase")))),
                RouteCase.post("/api/sites/{id}/funnels")
                        .call(hk -> hk.funnels().create(SITE,
                                FunnelInput.of("Checkout", FunnelStep.path("/cart"), FunnelStep.event("purchase"))))
                        .path(S + "/funnels")
                        .jsonBody(
                                "{\"name\":\"Checkout\",\"steps\":[{\"type\":\"path\",\"value\":\"/cart\"},{\"type\":\"event\",\"value\":\"purchase\"}]}")
                        .respond(201, "")
                        .check(r -> assertThat(r).isNull()),
                RouteCase.get("/api/sites/{id}/funnels/timeseries")
                        .call(hk -> hk.funnels().timeseries(SITE, FUNNEL).range(WEEK))
                        .path(S + "/funnels/timeseries").query("funnel_id", FUNNEL).query("from", F).query("to", T)
                        .respond(200, "[{\"time\":\"2026-06-01T00:00:00Z\",\"entries\":40,\"completions\":6}]\n")
                        .check(r -> assertThat(list(r, FunnelSeriesPoint.class)).singleElement().satisfies(p -> {
                            assertThat(p.entries()).isEqualTo(40);
                            assertThat(p.completions()).isEqualTo(6);
                        })),
                RouteCase.delete("/api/sites/{id}/funnels/{funnelID}").call(hk -> hk.funnels().delete(SITE, FUNNEL))
                        .path(S + "/funnels/" + FUNNEL)
                        .respond(200, "").check(r -> assertThat(r).isNull()),
                RouteCase.get("/api/sites/{id}/funnels/{funnelID}/stats")
                        .call(hk -> hk.funnels().stats(SITE, FUNNEL).range(WEEK))
                        .path(S + "/funnels/" + FUNNEL + "/stats").query("from", F).query("to", T)
                        .respond(200, "{\"funnel_id\":\"" + FUNNEL
                                + "\",\"name\":\"Checkout\",\"overall_conversion_rate\":15.0,\"total_entries\":40,"
                                + "\"total_completions\":6,\"steps\":[{\"step_index\":0,\"name\":\"/cart\",\"visitors\":40,\"dropoff\":0,\"conversion_rate\":100},"
                                + "{\"step_index\":1,\"name\":\"purchase\",\"visitors\":6,\"dropoff\":34,\"conversion_rate\":15.0}]}\n")
                        .check(r -> {
                            FunnelStats f = (FunnelStats) r;
                            assertThat(f.totalEntries()).isEqualTo(40);
                            assertThat(f.steps()).extracting(s -> s.dropoff()).containsExactly(0L, 34L);
                        }),

                // ---- 14 Reports & takeout ------------------------------------------------------------
                RouteCase.get("/api/user/report-subscriptions").call(hk -> hk.reports().subscriptions())
                        .path("/api/user/report-subscriptions").withSession()
                        .respond(200,
                                "{\"digest\":{\"daily\":false,\"weekly\":true,\"monthly\":true},\"sites\":[{\"site_id\":\""
                                        + SITE + "\","
                                        + "\"domain\":\"shop.example.com\",\"daily\":true,\"weekly\":false,\"monthly\":false}]}\n")
                        .check(r -> {
                            ReportSubscriptions s = (ReportSubscriptions) r;
                            assertThat(s.digest().weekly()).isTrue();
                            assertThat(s.sites()).singleElement().satisfies(x -> {
                                assertThat(x.domain()).isEqualTo("shop.example.com");
                                assertThat(x.daily()).isTrue();
                            });
                        }),
                RouteCase.put("/api/user/report-subscriptions/digest")
                        .call(hk -> hk.reports().updateDigest(new DigestSubscription(false, true, false)))
                        .path("/api/user/report-subscriptions/digest").withSession()
                        .jsonBody("{\"daily\":false,\"weekly\":true,\"monthly\":false}").respond(204, "")
                        .check(r -> assertThat(r).isNull()),
                RouteCase.put("/api/user/report-subscriptions/sites/{site_id}")
                        .call(hk -> hk.reports().updateSite(SITE, DigestSubscription.none()))
                        .path("/api/user/report-subscriptions/sites/" + SITE).withSession()
                        .jsonBody("{\"daily\":false,\"weekly\":false,\"monthly\":false}").respond(204, "")
                        .check(r -> assertThat(r).isNull()),
                RouteCase.get("/api/user/takeout").call(hk -> hk.account().takeout().format(ExportFormat.XLSX))
                        .path("/api/user/takeout").query("format", "xlsx").withSession()
                        .respondContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        .respondHeader("Content-Disposition", "attachment; filename=\"hitkeep-takeout.xlsx\"")
                        .respond(200, "PK\u0003\u0004xlsx")
                        .check(r -> {
                            Download d = (Download) r;
                            assertThat(d.fileName()).isEqualTo("hitkeep-takeout.xlsx");
                            assertThat(d.inMemory()).isTrue();
                        }));
    }
}
