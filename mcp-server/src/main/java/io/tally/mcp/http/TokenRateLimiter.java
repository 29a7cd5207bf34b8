package io.tally.mcp.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.SynchronizationStrategy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller (Bucket4j, the library behind the SDK's client-side {@code RateLimit} too), keyed by
 * the hash of the caller's token (never the token): {@code burst} requests at once, refilled at {@code perMinute}
 * a minute. Remembers at most {@code maxCallers} callers (least recently seen
 * forgotten first), so a flood of made-up tokens cannot grow it without bound. Reads time from an injectable
 * nanosecond source, so tests never sleep.
 */
public final class TokenRateLimiter {
    private final Bandwidth bandwidth;
    private final TimeMeter timeMeter;
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
        this.bandwidth = Bandwidth.builder().capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)).build();
        this.timeMeter = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoTime.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
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
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            bucket = Bucket.builder()
                    .addLimit(bandwidth)
                    .withCustomTimePrecision(timeMeter)
                    // every use is under this limiter's lock, which also guards the map
                    .withSynchronizationStrategy(SynchronizationStrategy.NONE)
                    .build();
            buckets.put(key, bucket);
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }
}
