package io.tally.testkit.alke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.core.json.TallyJson;
import io.tally.testkit.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** FakeAlke's behaviours: auth and per-property tokens, validation, 90 days of deterministic data, faults. */
class FakeAlkeTest {
    private static final OkHttpClient CLIENT = new OkHttpClient.Builder().readTimeout(10, TimeUnit.SECONDS).build();
    private static final MediaType JSON = MediaType.get("application/json");
    private static final ManualClock CLOCK = ManualClock.at(Instant.parse("2026-03-10T12:00:00Z"));
    private static final String SHOP = AlkeDemo.SHOP_PROPERTY_ID.toString();
    private static final String BLOG = AlkeDemo.BLOG_PROPERTY_ID.toString();

    private final FakeAlke fake = FakeAlke.builder().clock(CLOCK).start();

    @AfterEach
    void close() {
        fake.close();
    }

    private record Answer(int status, JsonNode body, String retryAfter) {}

    private Answer post(String token, String body) throws IOException {
        Request.Builder r = new Request.Builder().url(fake.baseUrl() + "/api/reports")
                .post(RequestBody.create(body, JSON));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        try (Response response = CLIENT.newCall(r.build()).execute()) {
            return new Answer(response.code(), TallyJson.readTreeOrNull(response.body().string()),
                    response.header("Retry-After"));
        }
    }

    private static String report(String property, String from, String to, String metrics, String dimensions) {
        return "{\"propertyId\":\"" + property + "\",\"dateFrom\":\"" + from + "\",\"dateTo\":\"" + to
                + "\",\"metrics\":" + metrics + (dimensions == null ? "" : ",\"dimensions\":" + dimensions) + "}";
    }

    @Test
    void tokensAreCheckedFirstAndReadOnlyTheirProperties() throws IOException {
        String body = report(BLOG, "2026-03-01", "2026-03-02", "[\"visits\"]", null);
        assertThat(post(null, body).status()).isEqualTo(401);
        Answer unknown = post("nope", body);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body().path("message").asText()).isEqualTo("Invalid token");
        Answer expired = post(AlkeDemo.EXPIRED_TOKEN, body);
        assertThat(expired.body().path("message").asText()).isEqualTo("Token expired");
        Answer forbidden = post(AlkeDemo.SHOP_ONLY_TOKEN, body);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body().path("error").asText()).isEqualTo("Forbidden");
        assertThat(post(AlkeDemo.SHOP_ONLY_TOKEN, report(SHOP, "2026-03-01", "2026-03-02", "[\"visits\"]", null))
                .status()).isEqualTo(200);
        assertThat(post(AlkeDemo.TOKEN, body).status()).isEqualTo(200);
    }

    @Test
    void badReportsGet400NamingTheFieldAndAnUnknownProperty404() throws IOException {
        assertThat(post(AlkeDemo.TOKEN, report("x", "2026-03-01", "2026-03-02", "[\"visits\"]", null)).body()
                .path("message").asText()).isEqualTo("propertyId must be a UUID string");
        assertThat(post(AlkeDemo.TOKEN, report("00000000-0000-4000-8000-000000000000", "2026-03-01", "2026-03-02",
                "[\"visits\"]", null)).status()).isEqualTo(404);
        assertThat(post(AlkeDemo.TOKEN, report(SHOP, "2026-3-1", "2026-03-02", "[\"visits\"]", null)).body()
                .path("message").asText()).isEqualTo("dateFrom must be a date in YYYY-MM-DD format");
        assertThat(post(AlkeDemo.TOKEN, report(SHOP, "2026-03-05", "2026-03-02", "[\"visits\"]", null)).body()
                .path("message").asText()).isEqualTo("dateTo must not be before dateFrom");
        assertThat(post(AlkeDemo.TOKEN, report(SHOP, "2026-03-01", "2026-03-02", "[]", null)).status()).isEqualTo(400);
        assertThat(post(AlkeDemo.TOKEN, report(SHOP, "2026-03-01", "2026-03-02", "[\"visits\"]", "[\"city\"]")).body()
                .path("message").asText()).startsWith("Unknown dimension 'city'");
        assertThat(post(AlkeDemo.TOKEN, "[1]").status()).isEqualTo(400);
        try (Response get = CLIENT.newCall(new Request.Builder().url(fake.baseUrl() + "/api/reports").build())
                .execute()) {
            assertThat(get.code()).isEqualTo(405);
        }
    }

    @Test
    void ninetyDaysOfDataBeforeTodayDeterministicWithTotals() throws IOException {
        Answer all = post(AlkeDemo.TOKEN, report(SHOP, "2025-01-01", "2026-12-31", "[\"pageviews\",\"bounceRate\"]",
                "[\"date\"]"));
        JsonNode rows = all.body().path("rows");
        assertThat(rows).hasSize(AlkeDemo.DAYS_OF_DATA);
        assertThat(rows.get(0).path("date").asText()).isEqualTo("2025-12-10");
        assertThat(rows.get(rows.size() - 1).path("date").asText()).isEqualTo("2026-03-09");
        long sum = 0;
        for (JsonNode row : rows) {
            assertThat(row.path("pageviews").asLong()).isPositive();
            assertThat(row.path("bounceRate").asDouble()).isBetween(0.2, 0.7);
            sum += row.path("pageviews").asLong();
        }
        assertThat(all.body().path("totals").path("pageviews").asLong()).isEqualTo(sum);

        try (FakeAlke again = FakeAlke.builder().clock(CLOCK).start()) {
            Request r = new Request.Builder().url(again.baseUrl() + "/api/reports").header("Authorization", "Bearer "
                    + AlkeDemo.TOKEN).post(RequestBody.create(
                            report(SHOP, "2025-01-01", "2026-12-31",
                                    "[\"pageviews\",\"bounceRate\"]", "[\"date\"]"),
                            JSON))
                    .build();
            try (Response response = CLIENT.newCall(r).execute()) {
                assertThat(TallyJson.readTreeOrNull(response.body().string())).isEqualTo(all.body());
            }
        }
    }

    @Test
    void breakdownsAreSortedByPageviewsAndCutByAPassedThroughLimit() throws IOException {
        Answer pages = post(AlkeDemo.TOKEN, "{\"propertyId\":\"" + BLOG + "\",\"dateFrom\":\"2026-03-01\","
                + "\"dateTo\":\"2026-03-07\",\"metrics\":[\"pageviews\"],\"dimensions\":[\"page\"],\"limit\":3}");
        JsonNode rows = pages.body().path("rows");
        assertThat(rows).hasSize(3);
        assertThat(pages.body().path("rowCount").asInt()).isEqualTo(5);
        assertThat(rows.get(0).path("page").asText()).isEqualTo("/");
        assertThat(rows.get(0).path("pageviews").asLong())
                .isGreaterThanOrEqualTo(rows.get(1).path("pageviews").asLong());
    }

    @Test
    void faultsPlayBeforeAuthAndRequestsAreRecorded() throws IOException {
        fake.rateLimitNext(Duration.ofSeconds(9));
        Answer limited = post(null, "{}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.retryAfter()).isEqualTo("9");
        assertThat(limited.body().path("statusCode").asInt()).isEqualTo(429);
        post(AlkeDemo.TOKEN, report(SHOP, "2026-03-01", "2026-03-01", "[\"visits\"]", null));
        assertThat(fake.requests()).hasSize(2);
        assertThat(fake.lastRequestBody().path("propertyId").asText()).isEqualTo(SHOP);
        fake.reset();
        assertThat(fake.requests()).isEmpty();

        try (FakeAlke quiet = FakeAlke.builder().recordRequests(false).start()) {
            Request r = new Request.Builder().url(quiet.baseUrl() + "/api/reports").post(RequestBody.create("{}", JSON))
                    .build();
            try (Response response = CLIENT.newCall(r).execute()) {
                assertThat(response.code()).isEqualTo(401);
            }
            assertThat(quiet.requests()).isEmpty();
            assertThat(quiet.server().requestCount()).isEqualTo(1);
        }
    }
}
