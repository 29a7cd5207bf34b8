package io.tally.testkit.hitkeep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FakeHitKeepBuilderTest {

    @Test
    void badOptionsAreRefusedNamingTheField() {
        FakeHitKeep.Builder b = FakeHitKeep.builder();
        assertThatThrownBy(() -> b.port(70_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port");
        assertThatThrownBy(() -> b.host(" ")).hasMessageContaining("host");
        assertThatThrownBy(() -> b.clock(null)).hasMessageContaining("clock");
        assertThatThrownBy(() -> b.rateLimit(0, 5)).hasMessageContaining("perSecond");
        assertThatThrownBy(() -> b.rateLimit(5, 0)).hasMessageContaining("burst");
        assertThatThrownBy(() -> b.publicUrl("analytics.example.com")).hasMessageContaining("publicUrl");
        assertThatThrownBy(() -> b.totpCode("12345")).hasMessageContaining("totpCode");
        assertThatThrownBy(() -> b.token("has space")).hasMessageContaining("token");
        assertThatThrownBy(() -> b.token("tok", (Grant) null)).hasMessageContaining("grants");
        assertThatThrownBy(() -> Grant.site(" ", Role.VIEWER)).hasMessageContaining("siteId");
        assertThatThrownBy(() -> Grant.allSites(null)).hasMessageContaining("role");
        assertThatThrownBy(() -> DashboardUser.builder("not-an-email", "pw")).hasMessageContaining("email");
        assertThatThrownBy(() -> DashboardUser.builder("a@b.c", "")).hasMessageContaining("password");
    }

    @Test
    void secretsStayOutOfToString() {
        FakeHitKeep.Config config = FakeHitKeep.builder().token("tok-very-secret", Grant.allSites(Role.VIEWER))
                .user(DashboardUser.builder("a@example.com", "pw-secret").totpCode("111111").recoveryCodes("rc-secret")
                        .build())
                .build();
        DashboardUser user = DashboardUser.builder("b@example.com", "pw-secret").totpCode("222222").build();

        assertThat(config.toString()).doesNotContain("tok-very-secret", "pw-secret", "111111", "rc-secret");
        assertThat(user.toString()).contains("b@example.com").doesNotContain("pw-secret", "222222");
    }

    @Test
    void startsWithoutDemoDataOnAChosenPortAndServesAddedSites() {
        try (FakeHitKeep fake = FakeHitKeep.builder().demoData(false).clock(Fixtures.CLOCK).port(0)
                .token("tok-empty", Grant.allSites(Role.OWNER)).build().start()) {
            Http http = new Http(fake);
            assertThat(fake.baseUrl()).isEqualTo("http://127.0.0.1:" + fake.port());
            assertThat(Fixtures.json(http.get("/api/sites", Http.bearer("tok-empty")))).isEmpty();
            assertThat(http.get("/api/sites", Http.bearer(HitKeepDemo.TOKEN)).status()).isEqualTo(401);

            String id = fake.addSite("Example.NET");
            assertThat(fake.siteId("www.example.net")).isEqualTo(id);
            assertThat(http.post("/api/ingest/server/pageview", "{\"url\":\"https://example.net/\",\"timestamp\":"
                    + "\"2026-06-25T10:00:00Z\",\"visitor_ip\":\"10.0.0.1\",\"user_agent\":\"x\"}",
                    Http.bearer("tok-empty")).status()).isEqualTo(202);
            assertThat(Fixtures.json(http.get("/api/sites/" + id + "/stats", Http.bearer("tok-empty")))
                    .get("total_pageviews").asInt()).isEqualTo(1);
            assertThatThrownBy(() -> fake.addSite("example.net")).hasMessageContaining("already exists");
        }
    }

    @Test
    void closeIsIdempotentAndStopsServing() {
        FakeHitKeep fake = Fixtures.builder().start();
        String url = fake.baseUrl();
        fake.close();
        fake.close();

        assertThat(fake.toString()).contains("closed");
        assertThatThrownBy(() -> new Http(url).get("/api/status")).isInstanceOf(java.io.UncheckedIOException.class);
    }

    @Test
    void demoNowDefaultsToTheClocksHour() {
        try (FakeHitKeep fake = Fixtures.builder().start()) {
            assertThat(fake.demoNow()).isEqualTo(Instant.parse("2026-06-25T10:00:00Z"));
            assertThat(fake.config().seed()).isEqualTo(HitKeepDemo.DEFAULT_SEED);
        }
    }
}
