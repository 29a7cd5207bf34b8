package io.tally.altertable;

import io.tally.core.RetryPolicy;
import io.tally.core.Sleeper;
import io.tally.testkit.altertable.FakeAltertable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/** Time you drive by hand, waits that are recorded, and a client wired to a fake: no test sleeps. */
final class TestSupport {
    static final Instant T0 = Instant.parse("2023-01-01T12:00:00Z");

    private TestSupport() {}

    /** A client for {@code fake} whose sender never waits for real: flushes happen on flush(), size or ticks. */
    static Altertable.Builder clientFor(FakeAltertable fake, ManualTicker ticker, RecordingSleeper sleeper) {
        return Altertable.builder()
                .apiKey(fake.apiKey())
                .baseUrl(fake.baseUrl())
                .clock(new MutableClock(T0))
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

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Records every wait and returns at once. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> sleeps = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
        }

        List<Duration> sleeps() {
            return Collections.unmodifiableList(new ArrayList<>(sleeps));
        }
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
