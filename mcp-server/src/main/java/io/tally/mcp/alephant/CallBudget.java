package io.tally.mcp.alephant;

import io.tally.mcp.tool.ToolFailure;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * {@code ALEPHANT_RATE_LIMIT_RPM}, as the official server defines it: a token bucket of Alephant calls, {@code rpm}
 * of them a minute (default 60, {@code 0} off). A tool takes one call, a composite one per sub-call (taken together
 * before the first is sent). The official server serves one credential per process and waits for a slot; this
 * server serves many callers, so it keeps one bucket per credential (keyed by the token's hash, at most
 * {@value #MAX_CALLERS} remembered) and answers a call over the rate at once, with the official server's
 * {@code Rate limit exceeded. Retry after <n> seconds.}, instead of parking a thread.
 */
final class CallBudget {
    /** The environment variable. */
    static final String VARIABLE = "ALEPHANT_RATE_LIMIT_RPM";
    /** The official default. */
    static final int DEFAULT_RPM = 60;
    /** Credentials remembered; the least recently seen is forgotten first. */
    static final int MAX_CALLERS = 10_000;

    private final int rpm;
    private final double perNano;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_CALLERS;
        }
    };

    /**
     * @param rpm      Alephant calls a minute per credential; 0 turns the limit off
     * @param nanoTime a monotonic clock in nanoseconds
     * @throws IllegalArgumentException when {@code rpm} is negative
     */
    CallBudget(int rpm, LongSupplier nanoTime) {
        if (rpm < 0) {
            throw new IllegalArgumentException(VARIABLE + " must be 0 (off) or more, got " + rpm);
        }
        this.rpm = rpm;
        this.perNano = rpm / 60_000_000_000d;
        this.nanoTime = nanoTime;
    }

    /** The official default, on the system clock. */
    static CallBudget standard() {
        return new CallBudget(DEFAULT_RPM, System::nanoTime);
    }

    /**
     * The setting of {@value #VARIABLE}: unset or blank is the default, 60.
     *
     * @throws IllegalArgumentException when it is not a whole number, 0 or more
     */
    static int parse(String setting) {
        if (setting == null || setting.trim().isEmpty()) {
            return DEFAULT_RPM;
        }
        try {
            int v = Integer.parseInt(setting.trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(VARIABLE + " must be a whole number of Alephant calls a minute, 0 (off) "
                + "or more, got '" + setting + "'");
    }

    /** Calls a minute per credential; 0 when off. */
    int rpm() {
        return rpm;
    }

    /**
     * Takes {@code calls} from the caller's bucket, all or none (a composite larger than the whole bucket takes the
     * whole bucket).
     *
     * @param caller the hash of the caller's token
     * @throws ToolFailure when the bucket holds fewer: the official text, with the wait
     */
    void charge(String caller, int calls) {
        if (rpm == 0 || calls <= 0) {
            return;
        }
        double needed = Math.min(calls, rpm);
        long wait;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            Bucket b = buckets.computeIfAbsent(caller, k -> new Bucket(rpm, now));
            b.calls = Math.min(rpm, b.calls + (now - b.last) * perNano);
            b.last = now;
            if (b.calls >= needed) {
                b.calls -= needed;
                return;
            }
            wait = (long) Math.ceil((needed - b.calls) / perNano);
        }
        long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
        throw new ToolFailure("Rate limit exceeded. Retry after " + seconds + " seconds. (This server allows " + rpm
                + " Alephant calls a minute per credential, " + VARIABLE
                + "; a composite tool counts each of its calls.)");
    }

    /** One credential's calls left and when they were counted. */
    private static final class Bucket {
        double calls;
        long last;

        Bucket(double calls, long last) {
            this.calls = calls;
            this.last = last;
        }
    }
}
