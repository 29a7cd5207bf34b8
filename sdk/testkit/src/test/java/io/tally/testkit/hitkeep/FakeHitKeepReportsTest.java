package io.tally.testkit.hitkeep;

import static io.tally.testkit.hitkeep.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Events, goals, funnels, ecommerce, Web Vitals, AI fetch, QR campaigns and tracking status. */
class FakeHitKeepReportsTest {
    private static final String SHOP = "/api/sites/" + HitKeepDemo.SHOP_SITE_ID;
    private static final String DOCS = "/api/sites/" + HitKeepDemo.DOCS_SITE_ID;
    private static final String MONTH = "from=2026-05-26T00:00:00Z&to=2026-06-25T00:00:00Z";

    @RegisterExtension
    static final SharedFake HITKEEP = SharedFake.resetBeforeEachTest();

    private static JsonNode get(String pathAndQuery) {
        Http.Reply r = HITKEEP.get(pathAndQuery, Http.bearer(HitKeepDemo.TOKEN));
        assertThat(r.status()).as(pathAndQuery + ": " + r.body()).isEqualTo(200);
        return json(r);
    }

    private static Http.Reply raw(String pathAndQuery) {
        return HITKEEP.get(pathAndQuery, Http.bearer(HitKeepDemo.TOKEN));
    }

    private static Http.Reply write(String method, String path, String body) {
        okhttp3.Request.Builder b = new okhttp3.Request.Builder().url(HITKEEP.fake().url(path));
        b.method(method,
                body == null ? null : okhttp3.RequestBody.create(body, okhttp3.MediaType.get("application/json")));
        return HITKEEP.send(b, "Authorization", "Bearer " + HitKeepDemo.ADMIN_TOKEN, "Origin",
                HITKEEP.fake().publicOrigin());
    }

    @Test
    void eventNamesPropertiesAndBreakdown() {
        assertThat(texts(get(SHOP + "/events/names?" + MONTH)))
                .contains("view_item", "add_to_cart", "begin_checkout", "purchase", "newsletter_signup");
        assertThat(texts(get(SHOP + "/events/properties?event_name=purchase")))
                .containsExactly("coupon", "currency", "items", "transaction_id", "value");

        JsonNode breakdown = get(
                SHOP + "/events/breakdown?" + MONTH + "&event_name=add_to_cart&property_key=item_name");
        assertThat(breakdown.get(0).get("name").asText()).isEqualTo("Trail Runner Shoes");
        assertThat(breakdown).allSatisfy(r -> assertThat(r.get("value").asLong()).isPositive());

        assertThat(raw(SHOP + "/events/properties").body()).isEqualTo("event_name is required\n");
        assertThat(raw(SHOP + "/events/breakdown?event_name=purchase").body()).isEqualTo("property_key is required\n");
    }

    @Test
    void eventSeriesAndAudienceHonourPropertyAndDimensionFilters() {
        JsonNode all = get(SHOP + "/events/timeseries?" + MONTH + "&event_name=add_to_cart");
        JsonNode shoes = get(SHOP + "/events/timeseries?" + MONTH
                + "&event_name=add_to_cart&property_key=item_id&property_value=SKU-TRS-001");
        JsonNode mobileShoes = get(SHOP + "/events/timeseries?" + MONTH
                + "&event_name=add_to_cart&property_key=item_id&property_value=SKU-TRS-001&dimension_key=device&dimension_value=Mobile");

        assertThat(all).hasSize(31);
        assertThat(all.get(0).fieldNames()).toIterable().containsExactly("time", "count");
        assertThat(sum(shoes, "count")).isPositive().isLessThan(sum(all, "count"));
        assertThat(sum(mobileShoes, "count")).isPositive().isLessThan(sum(shoes, "count"));

        JsonNode audience = get(SHOP + "/events/audience?" + MONTH + "&event_name=purchase&filter=country:DE");
        assertThat(audience.fieldNames()).toIterable().contains("top_pages", "top_referrers", "top_countries",
                "top_devices", "top_cities", "top_providers", "top_asns");
        assertThat(texts(audience.get("top_countries"), "name")).containsExactly("DE");
        assertThat(texts(audience.get("top_pages"), "name")).containsExactly("/checkout/complete");
    }

    @Test
    void goalsAreCreatedWithAnEmptyCreatedResponseAndDeleted() {
        Http.Reply created = write("POST", SHOP + "/goals",
                "{\"name\":\"Saw pricing\",\"type\":\"path\",\"value\":\"/sale\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.bytes()).isEmpty();

        JsonNode goals = get(SHOP + "/goals");
        assertThat(goals).hasSize(4);
        JsonNode goal = goals.get(3);
        assertThat(goal.get("name").asText()).isEqualTo("Saw pricing");
        assertThat(goal.get("created_at").asText()).isEqualTo("2026-06-25T10:15:02Z");
        JsonNode series = get(SHOP + "/goals/timeseries?" + MONTH + "&goal_id=" + goal.get("id").asText());
        assertThat(sum(series, "conversions")).isPositive();

        assertThat(write("POST", SHOP + "/goals", "{\"name\":\"x\",\"type\":\"click\",\"value\":\"/x\"}").body())
                .isEqualTo("Invalid goal data\n");
        assertThat(write("DELETE", SHOP + "/goals/" + goal.get("id").asText(), null).status()).isEqualTo(200);
        assertThat(get(SHOP + "/goals")).hasSize(3);
        assertThat(write("DELETE", SHOP + "/goals/" + goal.get("id").asText(), null).status()).isEqualTo(404);
        assertThat(write("DELETE", SHOP + "/goals/nope", null).body()).isEqualTo("Invalid goal ID\n");
    }

    @Test
    void funnelStatsWalkStepsInOrder() {
        String funnelId = get(SHOP + "/funnels").get(0).get("id").asText();

        JsonNode stats = get(SHOP + "/funnels/" + funnelId + "/stats?" + MONTH);

        assertThat(stats.get("name").asText()).isEqualTo("Checkout funnel");
        JsonNode steps = stats.get("steps");
        assertThat(steps).hasSize(4);
        long previous = Long.MAX_VALUE;
        for (JsonNode step : steps) {
            long visitors = step.get("visitors").asLong();
            assertThat(visitors).isPositive().isLessThanOrEqualTo(previous);
            if (previous != Long.MAX_VALUE) {
                assertThat(step.get("dropoff").asLong()).isEqualTo(previous - visitors);
            }
            previous = visitors;
        }
        assertThat(stats.get("total_entries").asLong()).isEqualTo(steps.get(0).get("visitors").asLong());
        assertThat(stats.get("total_completions").asLong()).isEqualTo(steps.get(3).get("visitors").asLong());
        assertThat(stats.get("overall_conversion_rate").asDouble()).isCloseTo(
                100.0 * stats.get("total_completions").asLong() / stats.get("total_entries").asLong(), within(1e-9));

        JsonNode series = get(SHOP + "/funnels/timeseries?" + MONTH + "&funnel_id=" + funnelId);
        assertThat(sum(series, "entries")).isEqualTo(stats.get("total_entries").asLong());
        assertThat(raw(SHOP + "/funnels/00000000-0000-4000-8000-000000000000/stats").body())
                .isEqualTo("Funnel not found\n");
    }

    @Test
    void funnelsAreCreatedWithAnEmptyCreatedResponse() {
        Http.Reply created = write("POST", SHOP + "/funnels",
                "{\"name\":\"Sale to cart\",\"steps\":[{\"type\":\"path\",\"value\":\"/sale\"},{\"type\":\"path\",\"value\":\"/cart\"}]}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.bytes()).isEmpty();
        assertThat(get(SHOP + "/funnels")).hasSize(2);

        assertThat(
                write("POST", SHOP + "/funnels", "{\"name\":\"One\",\"steps\":[{\"type\":\"path\",\"value\":\"/\"}]}")
                        .body())
                .isEqualTo("Invalid funnel data (need name and at least 2 steps)\n");
    }

    @Test
    void ecommerceSummaryProductsSourcesAndSeriesAgree() {
        JsonNode summary = get(SHOP + "/ecommerce?" + MONTH);
        assertThat(summary.get("currency").asText()).isEqualTo("EUR");
        long orders = summary.get("orders").asLong();
        assertThat(orders).isPositive();
        assertThat(summary.get("checkout_starts").asLong()).isGreaterThanOrEqualTo(orders);
        assertThat(summary.get("average_order_value").asDouble())
                .isCloseTo(summary.get("revenue").asDouble() / orders, within(0.01));

        JsonNode series = get(SHOP + "/ecommerce/timeseries?" + MONTH);
        assertThat(sum(series, "orders")).isEqualTo(orders);
        JsonNode products = get(SHOP + "/ecommerce/products?" + MONTH + "&limit=2");
        assertThat(products).hasSize(2);
        assertThat(products.get(0).fieldNames()).toIterable()
                .containsExactly("item_id", "item_name", "revenue", "orders", "quantity");
        JsonNode sources = get(SHOP + "/ecommerce/sources?" + MONTH + "&limit=50");
        assertThat(sum(sources, "orders")).isEqualTo(orders);

        JsonNode socks = get(SHOP + "/ecommerce?" + MONTH + "&item_id=SKU-HKS-004");
        assertThat(socks.get("orders").asLong()).isPositive().isLessThan(orders);
        assertThat(raw(SHOP + "/ecommerce/products?limit=ten").body()).isEqualTo("Invalid limit\n");
        assertThat(get(DOCS + "/ecommerce?" + MONTH).get("orders").asLong()).isZero();
    }

    @Test
    void webVitalsSummaryPagesBreakdownAndSeries() {
        JsonNode summary = get(SHOP + "/web-vitals/summary?" + MONTH);
        assertThat(texts(summary, "metric")).containsExactly("LCP", "INP", "CLS", "FCP", "TTFB");
        for (JsonNode m : summary) {
            assertThat(m.get("good").asLong() + m.get("needs_improvement").asLong() + m.get("poor").asLong())
                    .isEqualTo(m.get("samples").asLong());
            assertThat(m.get("rating").asText()).isIn("good", "needs_improvement", "poor");
        }
        assertThat(get(SHOP + "/web-vitals/summary?metric=CLS")).hasSize(1);

        JsonNode pages = get(SHOP + "/web-vitals/pages?" + MONTH + "&metric=LCP&limit=3");
        assertThat(pages).hasSize(3);
        assertThat(pages.get(0).get("metrics").has("LCP")).isTrue();
        JsonNode devices = get(SHOP + "/web-vitals/breakdown?" + MONTH + "&metric=INP&dimension=device");
        assertThat(texts(devices, "name")).containsExactlyInAnyOrder("Desktop", "Mobile", "Tablet");
        JsonNode series = get(SHOP + "/web-vitals/timeseries?" + MONTH + "&metric=TTFB&path=/cart");
        assertThat(series).hasSize(31);

        assertThat(raw(SHOP + "/web-vitals/pages").body()).isEqualTo("metric is required\n");
        assertThat(raw(SHOP + "/web-vitals/timeseries").body()).isEqualTo("metric is required\n");
        assertThat(raw(SHOP + "/web-vitals/breakdown?metric=LCP&dimension=colour").body())
                .isEqualTo("Invalid dimension\n");
        assertThat(raw(SHOP + "/web-vitals/summary?from=yesterday").body()).isEqualTo("Invalid from\n");
        assertThat(raw(SHOP + "/web-vitals/summary?to=soon").body()).isEqualTo("Invalid to\n");
    }

    @Test
    void aiFetchOverviewSeriesAndCorrelation() {
        JsonNode overview = get(DOCS + "/ai-fetch/overview");
        assertThat(overview.get("total_requests").asLong()).isPositive();
        assertThat(texts(overview.get("top_assistants"), "name")).contains("GPTBot", "ClaudeBot", "PerplexityBot");
        assertThat(texts(overview.get("resource_type_split"), "name")).contains("html", "document");

        JsonNode claude = get(DOCS + "/ai-fetch/overview?assistant_family=Anthropic");
        assertThat(texts(claude.get("top_families"), "name")).containsExactly("Anthropic");
        JsonNode series = get(DOCS + "/ai-fetch/timeseries?" + MONTH);
        assertThat(series).hasSize(31);

        JsonNode correlation = get(DOCS + "/ai-fetch/correlation?window_days=30");
        assertThat(correlation.fieldNames()).toIterable()
                .containsExactly("summary", "citation_yield", "failure_hotspots", "opportunity_pages");
        assertThat(correlation.get("summary").get("total_fetches").asLong())
                .isEqualTo(overview.get("total_requests").asLong());

        assertThat(raw(DOCS + "/ai-fetch/correlation?window_days=91").body())
                .isEqualTo("Invalid window_days, expected integer between 1 and 90\n");
        assertThat(raw(DOCS + "/ai-fetch/overview?from=nope").body())
                .isEqualTo("Invalid from date, expected RFC3339\n");
        assertThat(raw(DOCS + "/ai-fetch/timeseries?to=nope").body()).isEqualTo("Invalid to date, expected RFC3339\n");
    }

    @Test
    void qrCampaignsListSummaryAndOpens() {
        JsonNode codes = get(SHOP + "/qr-codes");
        assertThat(texts(codes, "name")).containsExactly("Store window poster", "Spring flyer");
        JsonNode poster = codes.get(0);
        assertThat(poster.get("redirect_url").asText()).startsWith(HITKEEP.fake().baseUrl() + "/q/");
        String id = poster.get("id").asText();

        assertThat(get(SHOP + "/qr-codes/" + id).get("name").asText()).isEqualTo("Store window poster");
        JsonNode summary = get(SHOP + "/qr-codes/" + id + "/summary?" + MONTH);
        assertThat(summary.get("open_count").asLong()).isGreaterThanOrEqualTo(summary.get("visitors").asLong());
        assertThat(summary.get("visitors").asLong()).isPositive();
        assertThat(texts(summary.get("top_pages"), "name")).contains("/sale");
        JsonNode opens = get(SHOP + "/qr-codes/" + id + "/opens/timeseries?" + MONTH);
        assertThat(sum(opens, "opens")).isEqualTo(summary.get("open_count").asLong());

        assertThat(raw(SHOP + "/qr-codes/nope").body()).isEqualTo("Invalid QR code ID\n");
        assertThat(raw(SHOP + "/qr-codes/00000000-0000-4000-8000-000000000000").status()).isEqualTo(404);
    }

    @Test
    void qrRedirectRecordsAnOpenAndAttributesTheLanding() {
        JsonNode poster = get(SHOP + "/qr-codes").get(0);
        String redirect = poster.get("redirect_url").asText();

        Http.Reply r = HITKEEP.get(redirect.substring(HITKEEP.fake().baseUrl().length()));

        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).startsWith("https://shop.example.com/sale?")
                .contains("utm_campaign=store_window", "hk_qr=" + poster.get("id").asText());
    }

    @Test
    void trackingStatusIsLive() {
        JsonNode status = get(SHOP + "/tracking/status");

        assertThat(status.get("status").asText()).isEqualTo("live");
        assertThat(status.get("configured_domain").asText()).isEqualTo(HitKeepDemo.SHOP_DOMAIN);
        assertThat(status.get("last_hit_at").asText()).startsWith("2026-06-25T10:");
    }

    @Test
    void opportunitiesCiteNumbersTheOtherReportsShow() {
        JsonNode shop = get(SHOP + "/opportunities").get("opportunities");
        assertThat(texts(shop, "type_key")).contains("opportunities.types.checkout_conversion",
                "opportunities.types.traffic_quality");
        JsonNode first = shop.get(0);
        assertThat(first.fieldNames()).toIterable().contains("id", "site_id", "kind", "type_key", "title_key",
                "summary_key", "action_key", "digest_key", "copy_params", "impact_value", "impact_label_key",
                "confidence", "score", "score_breakdown", "status", "route_label_key", "route_params", "route_icon",
                "detector_version", "evidence", "cited_evidence_ids", "generated_at", "created_at", "updated_at");
        assertThat(first.get("score").asInt()).isEqualTo(first.get("score_breakdown").get("total").asInt());

        JsonNode docs = get(DOCS + "/opportunities").get("opportunities");
        assertThat(texts(docs, "kind")).contains("ai");
    }

    @Test
    void searchConsoleIsMappedForShopAndDocsOnly() {
        JsonNode mapping = get(SHOP + "/integrations/google-search-console");
        assertThat(mapping.get("mapped").asBoolean()).isTrue();
        assertThat(mapping.get("property_uri").asText()).isEqualTo("sc-domain:shop.example.com");
        assertThat(mapping.get("sync_status").get("state").asText()).isEqualTo("succeeded");
        assertThat(mapping.get("can_manage").asBoolean()).isFalse();
        String blog = "/api/sites/" + HitKeepDemo.BLOG_SITE_ID;
        assertThat(get(blog + "/integrations/google-search-console").get("mapped").asBoolean()).isFalse();

        Http.Reply unmapped = raw(blog + "/search-console/overview");
        assertThat(unmapped.status()).isEqualTo(412);
        assertThat(unmapped.body()).isEqualTo("Search Console property is not mapped\n");
    }

    @Test
    void searchConsoleReportsAgreeAndValidateTheirParameters() {
        JsonNode overview = get(SHOP + "/search-console/overview");
        assertThat(overview.get("data_source").asText()).isEqualTo("search_console");
        long clicks = overview.get("clicks").asLong();
        assertThat(clicks).isPositive().isLessThan(overview.get("impressions").asLong());

        JsonNode series = get(SHOP + "/search-console/series").get("series");
        assertThat(series.get(0).get("date").asText()).matches("\\d{4}-\\d\\d-\\d\\d");
        assertThat(sum(series, "clicks")).isEqualTo(clicks);
        JsonNode queries = get(SHOP + "/search-console/queries?limit=100");
        assertThat(queries.get("dimension").asText()).isEqualTo("query");
        assertThat(sum(queries.get("rows"), "clicks")).isEqualTo(clicks);
        JsonNode devices = get(SHOP + "/search-console/breakdowns?dimension=device");
        assertThat(texts(devices.get("rows"), "value")).containsExactlyInAnyOrder("DESKTOP", "MOBILE", "TABLET");
        JsonNode germany = get(SHOP + "/search-console/overview?country=DE");
        assertThat(germany.get("clicks").asLong()).isPositive().isLessThan(clicks);
        JsonNode page = get(SHOP + "/search-console/pages?path=/sale");
        assertThat(texts(page.get("rows"), "value")).containsExactly("https://shop.example.com/sale");

        assertThat(raw(SHOP + "/search-console/queries?limit=0").body())
                .isEqualTo("Invalid limit, expected integer between 1 and 100\n");
        assertThat(raw(SHOP + "/search-console/breakdowns").body()).isEqualTo("Invalid dimension\n");
        assertThat(raw(SHOP + "/search-console/series?from=nope").body())
                .isEqualTo("Invalid from date, expected RFC3339\n");
        assertThat(
                HITKEEP.get(SHOP + "/integrations/google-search-console", Http.bearer(HitKeepDemo.TEAM_TOKEN)).status())
                .isEqualTo(401);
    }

    private static long sum(JsonNode rows, String field) {
        long total = 0;
        for (JsonNode r : rows) {
            total += r.get(field).asLong();
        }
        return total;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> texts(JsonNode rows, String field) {
        List<String> out = new ArrayList<>();
        rows.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }
}
