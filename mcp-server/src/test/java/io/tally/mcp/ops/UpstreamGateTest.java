package io.tally.mcp.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.tally.mcp.http.VerifiedTokens;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class UpstreamGateTest {
    @Test
    void callsPassUnderTheBudgetAndBeyondItFailAtOnceWhenNoTurnMayWait() throws Exception {
        AtomicLong nanos = new AtomicLong();
        UpstreamGate gate = new UpstreamGate(1, 2, 0, Duration.ofSeconds(5), new VerifiedTokens(10), new McpMetrics(),
                nanos::get);
        assertThat(gate.acquire("a")).isZero();
        assertThat(gate.acquire("a")).isZero();
        assertThat(gate.acquire("b")).as("budget used up, no queue: refused with a hint").isPositive();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(gate.acquire("b")).as("one call refilled").isZero();
        assertThat(gate.acquire("a")).isPositive();
    }

    @Test
    void theTokenKeyIsAHashOfTheBearerOrApiKeyNeverTheToken() {
        Request bearer = new Request.Builder().url("http://127.0.0.1/api/sites")
                .header("Authorization", "Bearer s3cret")
                .build();
        Request apiKey = new Request.Builder().url("http://127.0.0.1/api/sites").header("X-API-Key", "s3cret").build();
        Request none = new Request.Builder().url("http://127.0.0.1/api/sites").build();
        assertThat(UpstreamGate.tokenHash(bearer)).hasSize(64).doesNotContain("s3cret")
                .isEqualTo(UpstreamGate.tokenHash(apiKey));
        assertThat(UpstreamGate.tokenHash(none)).isNull();
    }
}
