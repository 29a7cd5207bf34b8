package io.tally.testkit.hitkeep;

import static org.assertj.core.api.Assertions.assertThat;

import io.tally.testkit.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FakeHitKeepOriginAndRateLimitTest {
    private static final String GOALS = "/api/sites/" + HitKeepDemo.SHOP_SITE_ID + "/goals";
    private static final String GOAL = "{\"name\":\"Pricing\",\"type\":\"path\",\"value\":\"/pricing\"}";
    private static final String PAGEVIEW = "{\"url\":\"https://shop.example.com/cart\",\"timestamp\":\"2026-06-25T10:00:00Z\","
            + "\"visitor_ip\":\"203.0.113.9\",\"user_agent\":\"Mozilla/5.0\"}";

    @Test
    void writesWithoutAMatchingOriginAre404NotFound() {
        try (FakeHitKeep fake = Fixtures.builder().start()) {
            Http http = new Http(fake);
            String[] admin = Http.bearer(HitKeepDemo.ADMIN_TOKEN);

            Http.Reply missing = http.post(GOALS, GOAL, admin);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.body()).isEqualTo("Not found\n");
            assertThat(http.post(GOALS, GOAL, admin[0], admin[1], "Origin", "https://evil.example").status())
                    .isEqualTo(404);
            assertThat(http.delete(GOALS + "/00000000-0000-4000-8000-000000000000", admin).status()).isEqualTo(404);

            assertThat(http.post(GOALS, GOAL, admin[0], admin[1], "Origin", fake.publicOrigin()).status())
                    .isEqualTo(201);
            assertThat(http.post(GOALS, GOAL, admin[0], admin[1], "Referer", fake.baseUrl() + "/dashboard").status())
                    .isEqualTo(201);
            // Reads never need an Origin.
            assertThat(http.get(GOALS, admin).status()).isEqualTo(200);
        }
    }

    @Test
    void serverIngestIsExemptFromTheOriginRule() {
        try (FakeHitKeep fake = Fixtures.builder().start()) {
            Http.Reply r = new Http(fake).post("/api/ingest/server/pageview", PAGEVIEW,
                    Http.bearer(HitKeepDemo.ADMIN_TOKEN));

            assertThat(r.status()).isEqualTo(202);
            assertThat(r.bytes()).isEmpty();
        }
    }

    @Test
    void crossSiteFetchMetadataBlocksEvenReads() {
        try (FakeHitKeep fake = Fixtures.builder().start()) {
            Http http = new Http(fake);
            String[] token = Http.bearer(HitKeepDemo.TOKEN);

            assertThat(http.get("/api/sites", token[0], token[1], "Sec-Fetch-Site", "cross-site").status())
                    .isEqualTo(404);
            assertThat(http.get("/api/sites", token[0], token[1], "Sec-Fetch-Site", "same-origin").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void originRuleCanBeSwitchedOffOrPointedAtAPublicUrl() {
        try (FakeHitKeep off = Fixtures.builder().originCheck(false).start()) {
            assertThat(new Http(off).post(GOALS, GOAL, Http.bearer(HitKeepDemo.ADMIN_TOKEN)).status()).isEqualTo(201);
        }
        try (FakeHitKeep proxied = Fixtures.builder().publicUrl("https://analytics.example.com/").start()) {
            Http http = new Http(proxied);
            String[] admin = Http.bearer(HitKeepDemo.ADMIN_TOKEN);
            assertThat(proxied.publicOrigin()).isEqualTo("https://analytics.example.com");
            assertThat(
                    http.post(GOALS, GOAL, admin[0], admin[1], "Origin", "https://Analytics.Example.com:443").status())
                    .isEqualTo(201);
            assertThat(http.post(GOALS, GOAL, admin[0], admin[1], "Origin", proxied.baseUrl()).status()).isEqualTo(404);
        }
    }

    @Test
    void rateLimitIsOffByDefault() {
        try (FakeHitKeep fake = Fixtures.builder().start()) {
            Http http = new Http(fake);
            for (int i = 0; i < 30; i++) {
                assertThat(http.get("/api/sites", Http.bearer(HitKeepDemo.TOKEN)).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void perIpBucketAnswers429WithoutRetryAfterAndRefillsWithTheClock() {
        ManualClock clock = ManualClock.at(Fixtures.NOW);
        try (FakeHitKeep fake = FakeHitKeep.builder().clock(clock).now(Fixtures.NOW.minusSeconds(902))
                .rateLimit(2, 3).start()) {
            Http http = new Http(fake);
            String[] token = Http.bearer(HitKeepDemo.TOKEN);
            for (int i = 0; i < 3; i++) {
                assertThat(http.get("/api/sites", token).status()).isEqualTo(200);
            }

            Http.Reply limited = http.get("/api/sites", token);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.body()).isEqualTo("Too Many Requests\n");
            assertThat(limited.header("Retry-After")).isNull();
            assertThat(limited.headers().names()).noneMatch(n -> n.toLowerCase().startsWith("x-ratelimit"));
            // The limiter runs before authentication: unauthenticated calls share the bucket.
            assertThat(http.get("/api/sites").status()).isEqualTo(429);

            clock.advance(Duration.ofMillis(500));
            assertThat(http.get("/api/sites", token).status()).isEqualTo(200);
            assertThat(http.get("/api/sites", token).status()).isEqualTo(429);

            // Another client IP (through the trusted proxy headers) has its own bucket.
            assertThat(http.get("/api/sites", token[0], token[1], "X-Forwarded-For", "198.51.100.7").status())
                    .isEqualTo(200);
            // So does another limiter family on the same IP.
            assertThat(
                    http.post("/api/ingest/server/pageview", PAGEVIEW, Http.bearer(HitKeepDemo.ADMIN_TOKEN)).status())
                    .isEqualTo(202);
        }
    }
}
