package io.tally.testkit.hitkeep;

import static io.tally.testkit.hitkeep.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakeHitKeepStatsTest {
    private static final String SHOP = "/api/sites/" + HitKeepDemo.SHOP_SITE_ID;
    private static final String MONTH = "from=2026-05-26T00:00:00Z&to=2026-06-25T00:00:00Z";

    @RegisterExtension
    static final SharedFake HITKEEP = SharedFake.clearRequestsBeforeEachTest();

    private static JsonNode get(String pathAndQuery) {
        Http.Reply r = HITKEEP.get(pathAndQuery, Http.bearer(HitKeepDemo.TOKEN));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.body()).endsWith("\n");
        return json(r);
    }

    @Test
    void statsCarryEveryFieldHitKeepEmits() {
        JsonNode stats = get(SHOP + "/stats?" + MONTH);

        assertThat(stats.fieldNames()).toIterable().contains("live_visitors", "total_pageviews", "unique_sessions",
                "bounce_rate", "avg_session_duration", "pages_per_session", "chart_data", "top_pages",
                "top_landing_pages", "top_exit_pages", "top_referrers", "top_devices", "top_countries", "top_cities",
                "top_providers", "top_asns", "top_browsers", "top_ai_bots", "top_ai_sources", "ai_bot_hits",
                "ai_source_visits", "top_languages", "top_utm_campaigns", "top_utm_contents", "top_utm_mediums",
                "top_utm_sources", "top_utm_terms", "utm_campaign_hits", "utm_content_hits", "utm_medium_hits",
                "utm_source_hits", "utm_term_hits", "goals", "funnels");
        assertThat(stats.has("comparison")).isFalse();
        assertThat(stats.get("total_pageviews").asInt()).isGreaterThan(1000);
        assertThat(stats.get("unique_sessions").asInt()).isBetween(300, stats.get("total_pageviews").asInt());
        assertThat(stats.get("bounce_rate").asDouble()).isBetween(5.0, 95.0);
        assertThat(stats.get("pages_per_session").asDouble()).isGreaterThan(1.0);
        assertThat(stats.get("avg_session_duration").asDouble()).isPositive();
    }

    @Test
    void topListsAreMetricStatsOfAtMostTenSortedByValue() {
        JsonNode stats = get(SHOP + "/stats?" + MONTH);

        for (String list : new String[] {"top_pages", "top_referrers", "top_countries", "top_devices", "top_browsers",
                "top_languages", "top_utm_campaigns"}) {
            JsonNode top = stats.get(list);
            assertThat(top).as(list).isNotEmpty().hasSizeLessThanOrEqualTo(10);
            long previous = Long.MAX_VALUE;
            for (JsonNode row : top) {
                assertThat(row.fieldNames()).toIterable().containsExactly("name", "value");
                assertThat(row.get("value").asLong()).isLessThanOrEqualTo(previous);
                previous = row.get("value").asLong();
            }
        }
        assertThat(names(stats.get("top_devices"))).containsOnly("Desktop", "Mobile", "Tablet");
        assertThat(names(stats.get("top_referrers"))).contains("(Direct)", "www.google.com");
        assertThat(names(stats.get("top_utm_campaigns"))).contains("(Unspecified)", "spring_sale");
        assertThat(names(stats.get("top_ai_sources"))).contains("ChatGPT");
        assertThat(stats.get("top_pages").get(0).get("name").asText()).startsWith("/");
    }

    @Test
    void chartIsDailyForAMonthAndHourlyForADayAndAddsUpToTheTotals() {
        JsonNode month = get(SHOP + "/stats?" + MONTH);
        JsonNode chart = month.get("chart_data");
        assertThat(chart).hasSize(31);
        assertThat(chart.get(0).get("time").asText()).isEqualTo("2026-05-26T00:00:00Z");
        long sum = 0;
        for (JsonNode p : chart) {
            sum += p.get("pageviews").asLong();
            assertThat(p.get("visitors").asLong()).isLessThanOrEqualTo(p.get("pageviews").asLong());
        }
        assertThat(sum).isEqualTo(month.get("total_pageviews").asLong());

        JsonNode day = get(SHOP + "/stats?from=2026-06-24T00:00:00Z&to=2026-06-24T23:59:59Z");
        assertThat(day.get("chart_data")).hasSize(24);
        // The raw hits agree with the stats for the same window.
        JsonNode hits = get(SHOP + "/hits?from=2026-06-24T00:00:00Z&to=2026-06-24T23:59:59Z&limit=1");
        assertThat(hits.get("total").asLong()).isEqualTo(day.get("total_pageviews").asLong());
    }

    @Test
    void defaultWindowIsThirtyDaysEndingTomorrow() {
        JsonNode chart = get(SHOP + "/stats").get("chart_data");

        assertThat(chart).hasSize(31);
        assertThat(Instant.parse(chart.get(chart.size() - 1).get("time").asText()))
                .isEqualTo(Instant.parse("2026-06-26T00:00:00Z"));
        assertThat(get(SHOP + "/stats?from=garbage").get("chart_data")).isEqualTo(chart);
    }

    @Test
    void filtersNarrowEveryNumber() {
        JsonNode all = get(SHOP + "/stats?" + MONTH);
        JsonNode mobile = get(SHOP + "/stats?" + MONTH + "&filter=device:Mobile");

        assertThat(mobile.get("total_pageviews").asInt()).isPositive().isLessThan(all.get("total_pageviews").asInt());
        assertThat(names(mobile.get("top_devices"))).containsExactly("Mobile");
        assertThat(names(mobile.get("top_browsers"))).allMatch(b -> b.startsWith("Mobile"));
        JsonNode german = get(SHOP + "/stats?" + MONTH + "&filter=language:de-AT");
        assertThat(names(german.get("top_languages"))).containsExactly("de");
    }

    @Test
    void comparisonAppearsOnlyWithBothCompareBounds() {
        JsonNode stats = get(SHOP + "/stats?" + MONTH
                + "&compare_from=2026-04-26T00:00:00Z&compare_to=2026-05-26T00:00:00Z");

        JsonNode comparison = stats.get("comparison");
        assertThat(comparison.fieldNames()).toIterable().contains("total_pageviews", "unique_sessions", "bounce_rate",
                "avg_session_duration", "pages_per_session", "chart_data", "utm_campaign_hits", "goals",
                "total_conversions");
        assertThat(comparison.get("total_pageviews").asInt()).isPositive();
        assertThat(comparison.get("chart_data")).hasSize(31);
        assertThat(get(SHOP + "/stats?" + MONTH + "&compare_from=2026-04-26T00:00:00Z").has("comparison")).isFalse();
    }

    @Test
    void goalsCarryConversionsAndRates() {
        JsonNode stats = get(SHOP + "/stats?" + MONTH);
        JsonNode goals = stats.get("goals");

        assertThat(goals).hasSize(3);
        for (JsonNode g : goals) {
            assertThat(g.fieldNames()).toIterable().containsExactly("goal_id", "name", "conversions",
                    "conversion_rate");
            assertThat(g.get("conversions").asLong()).isPositive();
            assertThat(g.get("conversion_rate").asDouble()).isEqualTo(
                    g.get("conversions").asDouble() * 100 / stats.get("unique_sessions").asDouble(),
                    org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(stats.get("funnels")).hasSize(1);
    }

    @Test
    void goalAndFunnelIdsNarrowToConvertingSessions() {
        JsonNode all = get(SHOP + "/stats?" + MONTH);
        String purchase = null;
        for (JsonNode g : all.get("goals")) {
            if (g.get("name").asText().equals("Purchase")) {
                purchase = g.get("goal_id").asText();
            }
        }
        JsonNode buyers = get(SHOP + "/stats?" + MONTH + "&goal_id=" + purchase);
        assertThat(buyers.get("unique_sessions").asLong()).isEqualTo(conversions(all, "Purchase"));
        assertThat(buyers.get("bounce_rate").asDouble()).isZero();

        Http.Reply bad = HITKEEP.get(SHOP + "/stats?goal_id=nope", Http.bearer(HitKeepDemo.TOKEN));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("Invalid goal_id\n");
        assertThat(HITKEEP.get(SHOP + "/stats?funnel_id=nope", Http.bearer(HitKeepDemo.TOKEN)).body())
                .isEqualTo("Invalid funnel_id\n");
    }

    private static long conversions(JsonNode stats, String goal) {
        for (JsonNode g : stats.get("goals")) {
            if (g.get("name").asText().equals(goal)) {
                return g.get("conversions").asLong();
            }
        }
        throw new AssertionError("no goal " + goal);
    }

    private static java.util.List<String> names(JsonNode top) {
        java.util.List<String> out = new java.util.ArrayList<>();
        top.forEach(r -> out.add(r.get("name").asText()));
        return out;
    }
}
