package io.tally.testkit.hitkeep;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HitKeep's per-IP token buckets (reference §4.3): one bucket per client IP and limiter family, refilled at
 * {@code rate} tokens per second up to {@code burst}, idle buckets forgotten after three minutes, at most
 * 10,000 remembered. Time comes from the injected clock, so tests never sleep.
 */
final class RateLimiter {
    private static final int MAX_BUCKETS = 10_000;
    private static final double IDLE_SECONDS = 180;

    private final double ratePerSecond;
    private final int burst;
    private final Clock clock;
    private final Map<String, double[]> buckets = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
            return size() > MAX_BUCKETS;
        }
    };

    RateLimiter(double ratePerSecond, int burst, Clock clock) {
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.clock = clock;
    }

    synchronized boolean tryAcquire(String key) {
        Instant now = clock.instant();
        double seconds = now.getEpochSecond() + now.getNano() / 1e9;
        double[] bucket = buckets.get(key);
        if (bucket == null || seconds - bucket[1] > IDLE_SECONDS) {
            bucket = new double[] {burst, seconds};
            buckets.put(key, bucket);
        }
        double elapsed = Math.max(0, seconds - bucket[1]);
        bucket[0] = Math.min(burst, bucket[0] + elapsed * ratePerSecond);
        bucket[1] = Math.max(bucket[1], seconds);
        if (bucket[0] >= 1) {
            bucket[0] -= 1;
            return true;
        }
        return false;
    }

    synchronized void clear() {
        buckets.clear();
    }
}
