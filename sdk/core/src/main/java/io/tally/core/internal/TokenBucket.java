package io.tally.core.internal;

import io.tally.core.RateLimit;
import io.tally.core.Sleeper;
import java.time.Clock;
import java.time.Duration;

/** The client-side rate limiter: a token bucket read from an injectable clock. */
public final class TokenBucket {
    private final double perNano;
    private final double capacity;
    private final Clock clock;
    private final Sleeper sleeper;
    private double tokens;
    private long lastNanos;

    /** A bucket that starts full, refilled at {@code limit}'s rate by {@code clock}; waits with {@code sleeper}. */
    public TokenBucket(RateLimit limit, Clock clock, Sleeper sleeper) {
        this.perNano = limit.permitsPerSecond() / 1_000_000_000d;
        this.capacity = limit.burst();
        this.clock = clock;
        this.sleeper = sleeper;
        this.tokens = capacity;
        this.lastNanos = nanos();
    }

    /** Takes one token, waiting for it when the bucket is empty. */
    public void acquire() throws InterruptedException {
        Duration wait;
        synchronized (this) {
            refill();
            tokens -= 1; // may go negative: later callers queue behind the debt
            wait = tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(-tokens / perNano));
        }
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
    }

    private void refill() {
        long now = nanos();
        long elapsed = now - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * perNano);
            lastNanos = now;
        }
    }

    private long nanos() {
        java.time.Instant i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
