package io.tally.altertable;

import io.tally.core.RetryPolicy;
import io.tally.testkit.ManualClock;
import io.tally.testkit.ManualTicker;
import io.tally.testkit.RecordingSleeper;
import io.tally.testkit.altertable.FakeAltertable;
import java.time.Duration;
import java.time.Instant;

/**
 * The sender's time driven by hand and a client wired to a fake, with the testkit's {@link ManualClock} and
 * {@link RecordingSleeper}: no test sleeps.
 */
final class TestSupport {
    static final Instant T0 = Instant.parse("2023-01-01T12:00:00Z");

    private TestSupport() {}

    /** A client for {@code fake} whose sender never waits for real: flushes happen on flush(), size or ticks. */
    static Altertable.Builder clientFor(FakeAltertable fake, ManualTicker ticker, RecordingSleeper sleeper) {
        return Altertable.builder()
                .apiKey(fake.apiKey())
                .baseUrl(fake.baseUrl())
                .clock(ManualClock.at(T0))
                .ticker(ticker)
                .sleeper(sleeper)
                .retryPolicy(deterministicRetries(3))
                .requestTimeout(Duration.ofSeconds(5))
                .closeTimeout(Duration.ofSeconds(20));
    }

    /** The default backoff shape without jitter: 1 s, 2 s, 4 s, … capped at 10 s. */
    static RetryPolicy deterministicRetries(int maxRetries) {
        return RetryPolicy.builder().maxRetries(maxRetries).initialBackoff(Duration.ofSeconds(1))
                .maxBackoff(Duration.ofSeconds(10)).jitter(0.5).random(() -> 0.0).build();
    }
}
