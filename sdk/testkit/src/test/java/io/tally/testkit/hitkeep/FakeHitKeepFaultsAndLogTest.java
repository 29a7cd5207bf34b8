package io.tally.testkit.hitkeep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tally.testkit.server.Fault;
import io.tally.testkit.server.RequestLog;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** FakeHitKeep plays the testkit's faults and keeps a bounded request log (the MCP demo used to leak here). */
class FakeHitKeepFaultsAndLogTest {

    @Test
    void faultsPlayBeforeAuthWithHitKeepsPlainTextErrors() {
        try (FakeHitKeep fake = Fixtures.builder().start()) {
            Http http = new Http(fake);
            fake.failNext(Fault.serverError()).failNext(Fault.rateLimited(Duration.ofSeconds(3)));

            Http.Reply first = http.get("/api/sites", Http.bearer(HitKeepDemo.TOKEN));
            assertThat(first.status()).isEqualTo(503);
            assertThat(first.body()).isEqualTo("Service Unavailable\n");
            assertThat(first.header("Content-Type")).startsWith("text/plain");
            Http.Reply second = http.get("/api/sites", Http.bearer("unknown-token"));
            assertThat(second.status()).isEqualTo(429);
            assertThat(second.header("Retry-After")).isEqualTo("3");
            assertThat(http.get("/api/sites", Http.bearer(HitKeepDemo.TOKEN)).status()).isEqualTo(200);

            assertThat(fake.requests()).extracting(RecordedRequest::status).containsExactly(503, 429, 200);
            assertThat(fake.requests().get(0).fault()).get().extracting(Fault::kind).isEqualTo(Fault.Kind.STATUS);
            assertThat(fake.lastRequest().fault()).isEmpty();
        }
    }

    @Test
    void resetDropsQueuedFaults() {
        try (FakeHitKeep fake = Fixtures.builder().start()) {
            fake.failNext(3, Fault.dropConnection());
            assertThat(fake.pendingFaults()).isEqualTo(3);
            fake.reset();
            assertThat(fake.pendingFaults()).isZero();
            assertThat(new Http(fake).get("/api/status").status()).isEqualTo(200);
        }
    }

    @Test
    void theRequestLogIsBoundedAndCountsWhatItDropped() {
        try (FakeHitKeep fake = Fixtures.builder().requestLogCapacity(5).start()) {
            Http http = new Http(fake);
            for (int i = 0; i < 12; i++) {
                http.get("/api/status?n=" + i);
            }
            assertThat(fake.requests()).extracting(r -> r.queryParameter("n")).containsExactly("7", "8", "9", "10",
                    "11");
            assertThat(fake.requestCount()).isEqualTo(12);
            assertThat(fake.evictedRequests()).isEqualTo(7);
            assertThat(fake.lastRequest().queryParameter("n")).isEqualTo("11");
        }
    }

    @Test
    void aDemoCanTurnRecordingOffEntirely() {
        try (FakeHitKeep fake = Fixtures.builder().recordRequests(false).start()) {
            Http http = new Http(fake);
            for (int i = 0; i < 3; i++) {
                assertThat(http.get("/api/status").status()).isEqualTo(200);
            }
            assertThat(fake.requests()).isEmpty();
            assertThat(fake.lastRequest()).isNull();
            assertThat(fake.requestCount()).isEqualTo(3);
            assertThat(fake.server().requestLogCapacity()).isZero();
            assertThat(fake.config().toString()).contains("recordRequests=false");
        }
    }

    @Test
    void theDefaultLogIsModestAndTheCapacityIsChecked() {
        assertThat(FakeHitKeep.builder().build().requestLogCapacity()).isEqualTo(RequestLog.DEFAULT_CAPACITY);
        assertThatThrownBy(() -> FakeHitKeep.builder().requestLogCapacity(-1))
                .hasMessageContaining("requestLogCapacity");
    }
}
