package io.tally.testkit.hitkeep;

import static io.tally.testkit.hitkeep.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakeHitKeepHitsTest {
    private static final String HITS = "/api/sites/" + HitKeepDemo.SHOP_SITE_ID + "/hits";
    private static final String WEEK = "from=2026-06-18T10:00:00Z&to=2026-06-25T10:00:00Z";

    @RegisterExtension
    static final SharedFake HITKEEP = SharedFake.clearRequestsBeforeEachTest();

    private static JsonNode get(String query) {
        Http.Reply r = HITKEEP.get(HITS + "?" + query, Http.bearer(HitKeepDemo.TOKEN));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private static Http.Reply raw(String query) {
        return HITKEEP.get(HITS + "?" + query, Http.bearer(HitKeepDemo.TOKEN));
    }

    @Test
    void defaultWindowIsTheLast24HoursAndDefaultLimitIs10() {
        JsonNode page = get("");

        assertThat(page.get("data")).hasSize(10);
        assertThat(page.get("total").asInt()).isGreaterThan(10);
        for (JsonNode hit : page.get("data")) {
            Instant t = Instant.parse(hit.get("timestamp").asText());
            assertThat(t).isBetween(Fixtures.NOW.minus(Duration.ofHours(24)), Fixtures.NOW);
        }
        // Newest first by default.
        assertThat(timestamps(page)).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void hitsHaveHitKeepsFields() {
        JsonNode hit = get("limit=1").get("data").get(0);

        assertThat(hit.fieldNames()).toIterable().contains("id", "site_id", "session_id", "page_id", "timestamp",
                "path",
                "hostname", "referrer", "user_agent", "viewport_width", "viewport_height", "screen_width",
                "screen_height", "language", "country_code", "region", "city", "provider", "asn", "asn_org",
                "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "is_unique");
        assertThat(hit.get("site_id").asText()).isEqualTo(HitKeepDemo.SHOP_SITE_ID);
        assertThat(hit.get("hostname").asText()).isEqualTo(HitKeepDemo.SHOP_DOMAIN);
    }

    @Test
    void limitIsCappedAt100AndOutOfRangeValuesFallBackTo10() {
        assertThat(get(WEEK + "&limit=500").get("data")).hasSize(100);
        assertThat(get(WEEK + "&limit=0").get("data")).hasSize(10);
        assertThat(get(WEEK + "&limit=abc").get("data")).hasSize(10);
        assertThat(get(WEEK + "&limit=37").get("data")).hasSize(37);
    }

    @Test
    void offsetPagesThroughEveryMatchExactlyOnce() {
        int total = get(WEEK + "&limit=1").get("total").asInt();
        Set<String> ids = new HashSet<>();
        for (int offset = 0; offset < total; offset += 100) {
            JsonNode page = get(WEEK + "&limit=100&offset=" + offset);
            assertThat(page.get("total").asInt()).isEqualTo(total);
            page.get("data").forEach(h -> ids.add(h.get("id").asText()));
        }
        assertThat(ids).hasSize(total);
        assertThat(get(WEEK + "&offset=" + total).get("data")).isEmpty();
    }

    @Test
    void sortsByPathOrReferrerAscendingOrDescending() {
        List<String> paths = field(get(WEEK + "&limit=100&sort=path&order=asc"), "path");
        assertThat(paths).isSorted();
        List<String> referrers = field(get(WEEK + "&limit=100&sort=referrer&order=desc"), "referrer");
        assertThat(referrers).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(timestamps(get(WEEK + "&limit=100&sort=bogus&order=asc"))).isSorted();
    }

    @Test
    void qSearchesPathReferrerUserAgentAndUtmFieldsCaseInsensitively() {
        JsonNode page = get(WEEK + "&limit=100&q=TRAIL");

        assertThat(page.get("total").asInt()).isPositive();
        for (JsonNode hit : page.get("data")) {
            String haystack = (hit.get("path").asText() + hit.get("referrer").asText() + hit.get("user_agent").asText()
                    + hit.get("utm_campaign").asText() + hit.get("utm_term").asText() + hit.get("hostname").asText())
                    .toLowerCase(Locale.ROOT);
            assertThat(haystack).contains("trail");
        }
    }

    @Test
    void filtersAreAndCombinedExactMatchesOnNormalisedLabels() {
        int mobile = get(WEEK + "&filter=device:Mobile").get("total").asInt();
        int germany = get(WEEK + "&filter=country:DE").get("total").asInt();
        JsonNode both = get(WEEK + "&limit=100&filter=device:Mobile&filter=country:DE");

        assertThat(both.get("total").asInt()).isPositive().isLessThan(Math.min(mobile, germany));
        for (JsonNode hit : both.get("data")) {
            assertThat(hit.get("country_code").asText()).isEqualTo("DE");
            assertThat(hit.get("viewport_width").asInt()).isLessThan(576);
        }
        // The type is case-insensitive and trimmed; the legacy pair works alongside.
        assertThat(get(WEEK + "&filter=%20DEVICE%20:Mobile&filter_type=country&filter_value=DE").get("total").asInt())
                .isEqualTo(both.get("total").asInt());
        // Direct traffic is "(Direct)"; "direct" is accepted as an alias.
        int direct = get(WEEK + "&filter=referrer:(Direct)").get("total").asInt();
        assertThat(direct).isPositive();
        assertThat(get(WEEK + "&filter=referrer:direct").get("total").asInt()).isEqualTo(direct);
        assertThat(get(WEEK + "&filter=referrer:www.google.com&limit=5").get("data"))
                .allSatisfy(h -> assertThat(h.get("referrer").asText()).startsWith("https://www.google.com/"));
        // Values may contain colons; an invalid qr_code_id matches nothing.
        assertThat(get(WEEK + "&filter=path:/a:b").get("total").asInt()).isZero();
        assertThat(get(WEEK + "&filter=qr_code_id:nope").get("total").asInt()).isZero();
    }

    @Test
    void malformedFiltersAre400() {
        assertThat(raw("filter=device").body()).isEqualTo("invalid filter format\n");
        assertThat(raw("filter=device:").body()).isEqualTo("filter type and value are required together\n");
        assertThat(raw("filter=colour:red").body()).isEqualTo("invalid filter type\n");
        assertThat(raw("filter_type=device").body()).isEqualTo("filter_type and filter_value are required together\n");
        assertThat(raw("filter_type=colour&filter_value=red").body()).isEqualTo("invalid filter_type\n");
        assertThat(raw("filter=colour:red").status()).isEqualTo(400);
    }

    @Test
    void unparseableFromAndToAreSilentlyReplacedByTheDefaults() {
        assertThat(get("from=yesterday&to=soon").get("total")).isEqualTo(get("").get("total"));
    }

    @Test
    void dataIsDeterministicForASeedAndNow() {
        try (FakeHitKeep twin = Fixtures.builder().start();
                FakeHitKeep other = Fixtures.builder().seed(7).start()) {
            String query = HITS + "?" + WEEK + "&limit=100";
            String mine = HITKEEP.get(query, Http.bearer(HitKeepDemo.TOKEN)).body();
            assertThat(new Http(twin).get(query, Http.bearer(HitKeepDemo.TOKEN)).body()).isEqualTo(mine);
            assertThat(new Http(other).get(query, Http.bearer(HitKeepDemo.TOKEN)).body()).isNotEqualTo(mine);
        }
    }

    @Test
    void dataNeverShowsTheFutureOfTheClock() {
        JsonNode page = get("from=2026-06-25T00:00:00Z&to=2026-06-26T00:00:00Z&limit=1");
        assertThat(Instant.parse(page.get("data").get(0).get("timestamp").asText())).isBeforeOrEqualTo(Fixtures.NOW);
    }

    private static List<String> field(JsonNode page, String name) {
        List<String> out = new ArrayList<>();
        page.get("data").forEach(h -> out.add(h.get(name).asText()));
        return out;
    }

    private static List<Instant> timestamps(JsonNode page) {
        List<Instant> out = new ArrayList<>();
        page.get("data").forEach(h -> out.add(Instant.parse(h.get("timestamp").asText())));
        return out;
    }
}
