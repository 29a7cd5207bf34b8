package io.tally.mcp.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller, keyed by the hash of the caller's token (never the token): {@code burst} requests at
 * once, refilled at {@code perMinute} a minute. Remembers at most {@code maxCallers} callers (least recently seen
 * forgotten first), so a flood of made-up tokens cannot grow it without bound. Reads time from an injectable
 * nanosecond source, so tests never sleep.
 */
public final class TokenRateLimiter {
    private final double perNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets;

    /**
     * @param perMinute  sustained requests per minute per caller, at least 1
     * @param burst      requests allowed at once, at least 1
     * @param maxCallers callers remembered
     * @param nanoTime   a monotonic clock in nanoseconds (e.g. {@code System::nanoTime})
     */
    public TokenRateLimiter(int perMinute, int burst, int maxCallers, LongSupplier nanoTime) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("rate limit must be at least 1 request per minute, got " + perMinute);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("rate limit burst must be at least 1, got " + burst);
        }
        this.perNano = perMinute / 60_000_000_000d;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxCallers;
            }
        };
    }

    /**
     * Takes one request from the caller's bucket.
     *
     * @param key the hash of the caller's token
     * @return {@link Duration#ZERO} when allowed, otherwise how long until the next request is allowed
     */
    public synchronized Duration tryAcquire(String key) {
        long now = nanoTime.getAsLong();
        Bucket b = buckets.get(key);
        if (b == null) {
            b = new Bucket(burst, now);
            buckets.put(key, b);
        }
        b.tokens = Math.min(burst, b.tokens + (now - b.last) * perNano);
        b.last = now;
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - b.tokens) / perNano));
    }

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }
}
