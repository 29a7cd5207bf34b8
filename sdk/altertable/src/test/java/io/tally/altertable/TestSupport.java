package io.tally.altertable;

import io.tally.core.RetryPolicy;
import io.tally.testkit.ManualClock;
import io.tally.testkit.RecordingSleeper;
import io.tally.testkit.altertable.FakeAltertable;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

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

    /**
     * The sender's time, advanced by the test. Waits never time out by themselves: the sender wakes
     * when signalled (new payloads, flush, close) or when the test advances the time.
     */
    static final class ManualTicker implements Ticker {
        private volatile long now = 1_000_000_000L;
        private volatile Lock lock;
        private volatile Condition condition;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void await(Lock lock, Condition condition, long nanos) throws InterruptedException {
            this.lock = lock;
            this.condition = condition;
            condition.await();
        }

        /** Moves time forward and wakes the sender so it looks at the clock again. */
        void advance(Duration d) {
            now += d.toNanos();
            Lock l = lock;
            Condition c = condition;
            if (l != null) {
                l.lock();
                try {
                    c.signalAll();
                } finally {
                    l.unlock();
                }
            }
        }
    }
}
