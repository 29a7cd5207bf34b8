package io.tally.testkit.hitkeep;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FakeHitKeepRecordingTest {

    @Test
    void recordsEveryRequestWithItsStatusBeforeAnswering() {
        try (FakeHitKeep fake = Fixtures.builder().start()) {
            Http http = new Http(fake);

            http.get("/api/sites");
            http.get("/api/sites/" + HitKeepDemo.SHOP_SITE_ID + "/hits?limit=5&filter=device:Mobile&filter=country:DE",
                    "X-API-Key", HitKeepDemo.TOKEN);

            assertThat(fake.requestCount()).isEqualTo(2);
            RecordedRequest first = fake.requests().get(0);
            assertThat(first.method()).isEqualTo("GET");
            assertThat(first.path()).isEqualTo("/api/sites");
            assertThat(first.status()).isEqualTo(401);
            RecordedRequest last = fake.lastRequest();
            assertThat(last.status()).isEqualTo(200);
            assertThat(last.queryParameter("limit")).isEqualTo("5");
            assertThat(last.queryParameters("filter")).containsExactly("device:Mobile", "country:DE");
            assertThat(last.rawQuery()).isEqualTo("limit=5&filter=device:Mobile&filter=country:DE");
            assertThat(last.header("x-api-key")).isEqualTo(HitKeepDemo.TOKEN);
            assertThat(last.receivedAt()).isEqualTo(Fixtures.NOW);
        }
    }

    @Test
    void recordsBodiesButToStringRedactsSecretsAndNeverPrintsTheBody() {
        try (FakeHitKeep fake = Fixtures.builder().start()) {
            new Http(fake).post("/api/login", "{\"email\":\"demo@example.com\",\"password\":\"hunter2\"}",
                    "Origin", fake.publicOrigin(), "Cookie", "hk_token=secret-cookie",
                    "Authorization", "Bearer secret-token", "X-API-Key", "secret-key");

            RecordedRequest r = fake.lastRequest();
            assertThat(r.bodyAsString()).contains("hunter2");
            assertThat(r.header("Authorization")).isEqualTo("Bearer secret-token");
            assertThat(r.toString())
                    .contains("POST /api/login", "Authorization=[REDACTED]", "X-api-key=[REDACTED]",
                            "Cookie=[REDACTED]")
                    .doesNotContain("hunter2", "secret-token", "secret-key", "secret-cookie");
        }
    }

    @Test
    void clearRequestsAndResetForgetRecordings() {
        try (FakeHitKeep fake = Fixtures.builder().start()) {
            Http http = new Http(fake);
            http.get("/api/status");
            fake.clearRequests();
            assertThat(fake.requests()).isEmpty();
            assertThat(fake.lastRequest()).isNull();

            http.get("/api/status");
            fake.reset();
            assertThat(fake.requestCount()).isZero();
        }
    }

    @Test
    void resetRestoresDemoStateAndDropsRuntimeAdditions() {
        try (FakeHitKeep fake = Fixtures.builder().token("tok-configured", Grant.allSites(Role.VIEWER)).start()) {
            Http http = new Http(fake);
            fake.addToken("tok-runtime", Grant.allSites(Role.VIEWER));
            String site = fake.addSite("new.example.net");
            http.post("/api/sites/" + HitKeepDemo.SHOP_SITE_ID + "/goals",
                    "{\"name\":\"a\",\"type\":\"path\",\"value\":\"/a\"}",
                    "Authorization", "Bearer " + HitKeepDemo.ADMIN_TOKEN, "Origin", fake.publicOrigin());
            assertThat(Fixtures.json(http.get("/api/sites/" + HitKeepDemo.SHOP_SITE_ID + "/goals",
                    Http.bearer(HitKeepDemo.TOKEN)))).hasSize(4);

            fake.reset();

            assertThat(fake.siteId("new.example.net")).isNull();
            assertThat(http.get("/api/sites/" + site + "/stats", Http.bearer(HitKeepDemo.ADMIN_TOKEN)).status())
                    .isEqualTo(404);
            assertThat(http.get("/api/sites", Http.bearer("tok-runtime")).status()).isEqualTo(401);
            assertThat(http.get("/api/sites", Http.bearer("tok-configured")).status()).isEqualTo(200);
            assertThat(Fixtures.json(http.get("/api/sites/" + HitKeepDemo.SHOP_SITE_ID + "/goals",
                    Http.bearer(HitKeepDemo.TOKEN)))).hasSize(3);
        }
    }
}
