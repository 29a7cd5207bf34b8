package io.tally.core;

import java.time.Duration;

/**
 * A client-side request rate to stay under, as a token bucket: {@code permitsPerSecond} tokens are
 * added each second up to {@code burst}; each request takes one, waiting when none is left. Use it
 * to keep a client under a provider's documented rate (HitKeep: 10 requests/s, burst 20, per IP).
 */
public final class RateLimit {
    private final double permitsPerSecond;
    private final int burst;

    private RateLimit(double permitsPerSecond, int burst) {
        this.permitsPerSecond = permitsPerSecond;
        this.burst = burst;
    }

    /** At most {@code permitsPerSecond} requests a second on average, bursts of {@code burst}. */
    public static RateLimit of(double permitsPerSecond, int burst) {
        if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
            throw new IllegalArgumentException("permitsPerSecond must be a positive number, got " + permitsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, got " + burst);
        }
        return new RateLimit(permitsPerSecond, burst);
    }

    /** Requests per second on average; may be fractional, e.g. {@code 0.5} for one every 2 s. */
    public double permitsPerSecond() {
        return permitsPerSecond;
    }

    /** How many requests may go out back to back before the limiter spaces them; at least 1. */
    public int burst() {
        return burst;
    }

    /** Time for one token to be added. */
    Duration refillInterval() {
        return Duration.ofNanos((long) (1_000_000_000L / permitsPerSecond));
    }

    @Override
    public String toString() {
        return "RateLimit[" + permitsPerSecond + "/s, burst " + burst + "]";
    }
}
