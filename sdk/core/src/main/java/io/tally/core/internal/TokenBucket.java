package io.tally.core.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.SynchronizationStrategy;
import io.tally.core.RateLimit;
import io.tally.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The client-side rate limiter: a Bucket4j token bucket that reads time from the client's {@link Clock} and
 * waits with its {@link Sleeper}, so tests never sleep. A caller beyond the burst reserves its token and
 * waits for it, so later callers queue behind that debt.
 */
public final class TokenBucket {
    private final Bucket bucket;
    private final Sleeper sleeper;

    /** A bucket that starts full, refilled at {@code limit}'s rate by {@code clock}; waits with {@code sleeper}. */
    public TokenBucket(RateLimit limit, Clock clock, Sleeper sleeper) {
        this.sleeper = sleeper;
        this.bucket = Bucket.builder()
                .addLimit(bandwidth(limit))
                .withCustomTimePrecision(new ClockTimeMeter(clock))
                .withSynchronizationStrategy(SynchronizationStrategy.SYNCHRONIZED)
                .build();
    }

    /** Takes one token, waiting for it when the bucket is empty. */
    public void acquire() throws InterruptedException {
        bucket.asBlocking().consume(1, nanos -> sleeper.sleep(Duration.ofNanos(nanos)));
    }

    /**
     * Bucket4j refills whole tokens over a period: a whole rate as that many a second, any other rate as one
     * token every {@code 1 / permitsPerSecond} seconds (to the nanosecond).
     */
    private static Bandwidth bandwidth(RateLimit limit) {
        double perSecond = limit.permitsPerSecond();
        boolean whole = perSecond >= 1 && perSecond == Math.rint(perSecond) && perSecond < Long.MAX_VALUE;
        long tokens = whole ? (long) perSecond : 1;
        Duration period = whole ? Duration.ofSeconds(1) : Duration.ofNanos(Math.max(1, Math.round(1e9 / perSecond)));
        return Bandwidth.builder().capacity(limit.burst()).refillGreedy(tokens, period).build();
    }

    /** The client's clock as Bucket4j reads time. */
    private static final class ClockTimeMeter implements TimeMeter {
        private final Clock clock;

        ClockTimeMeter(Clock clock) {
            this.clock = clock;
        }

        @Override
        public long currentTimeNanos() {
            Instant i = clock.instant();
            return i.getEpochSecond() * 1_000_000_000L + i.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
