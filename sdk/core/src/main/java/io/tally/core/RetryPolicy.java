package io.tally.core;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * When and how long Tally waits before trying a request again. One readable policy for every
 * provider; set per client in {@link ClientOptions} and per request in {@link RequestOptions}.
 *
 * <p>The rules:
 * <ul>
 *   <li><b>429</b> is always retried: the server did not act on the request.</li>
 *   <li>A <b>connection failure before the request was sent</b> (refused, unknown host, no route)
 *       is always retried.</li>
 *   <li><b>408, 5xx and failures while reading the response</b> are retried only for idempotent
 *       methods (GET, HEAD, OPTIONS, PUT, DELETE) or requests that carry an idempotency key.</li>
 *   <li>The wait is the server's hint when it gives one ({@code Retry-After} in seconds or as an HTTP
 *       date, {@code X-RateLimit-Reset} as a Unix time); otherwise capped exponential backoff with
 *       jitter: {@code initialBackoff × 2^(retry−1)}, at most {@code maxBackoff}, reduced by up to
 *       {@code jitter} (a fraction) at random.</li>
 *   <li>A hint longer than {@code maxRetryAfter} is not waited for: the failure surfaces at once as
 *       {@link RateLimitException} (or the status's exception) carrying the hint.</li>
 * </ul>
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxRetries(0).build();

    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double jitter;
    private final Duration maxRetryAfter;
    private final DoubleSupplier random;

    private RetryPolicy(Builder b) {
        this.maxRetries = b.maxRetries;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.jitter = b.jitter;
        this.maxRetryAfter = b.maxRetryAfter;
        this.random = b.random;
    }

    /** 2 retries (3 attempts), 500 ms initial backoff, 8 s cap, 25 % jitter, hints up to 60 s honoured. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** Never retry. */
    public static RetryPolicy none() {
        return NONE;
    }

    /** A builder starting from the settings of {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this policy's settings, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxRetries = maxRetries;
        b.initialBackoff = initialBackoff;
        b.maxBackoff = maxBackoff;
        b.jitter = jitter;
        b.maxRetryAfter = maxRetryAfter;
        b.random = random;
        return b;
    }

    /** Retries after the first attempt; 0 means one attempt only. */
    public int maxRetries() {
        return maxRetries;
    }

    /**
     * The wait before the first retry when the server gave no hint, before jitter; it doubles for
     * each further retry.
     */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /**
     * The cap on the computed backoff, before jitter; server hints are not capped by it but by
     * {@link #maxRetryAfter()}.
     */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** Fraction (0 to 1) by which a backoff may be shortened at random. */
    public double jitter() {
        return jitter;
    }

    /** The longest server-requested wait that is honoured rather than surfaced. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** The backoff before retry number {@code retry} (1-based) when the server gave no hint. */
    public Duration backoff(int retry) {
        long base = initialBackoff.toMillis();
        long cap = maxBackoff.toMillis();
        long exp = retry <= 1 ? base : base << Math.min(retry - 1, 30);
        long capped = exp < 0 || exp > cap ? cap : exp; // exp < 0 on overflow
        double factor = 1.0 - jitter * random.getAsDouble();
        return Duration.ofMillis(Math.max(0, Math.round(capped * factor)));
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff
                + ", maxBackoff=" + maxBackoff + ", jitter=" + jitter + ", maxRetryAfter=" + maxRetryAfter + "]";
    }

    /** Builder for {@link RetryPolicy}. */
    public static final class Builder {
        private int maxRetries = 2;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(8);
        private double jitter = 0.25;
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private DoubleSupplier random = () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble();

        private Builder() {}

        /** Retries after the first attempt, 0 to 20. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0 || maxRetries > 20) {
                throw new IllegalArgumentException("maxRetries must be between 0 and 20, got " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * The wait before the first retry when the server gives no hint, doubled for each further
         * retry; 500 ms by default.
         *
         * @throws IllegalArgumentException when {@code initialBackoff} is {@code null} or negative
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = nonNegative("initialBackoff", initialBackoff);
            return this;
        }

        /**
         * The cap on the computed backoff; 8 s by default. {@link #build()} checks that it is not
         * shorter than the initial backoff.
         *
         * @throws IllegalArgumentException when {@code maxBackoff} is {@code null} or negative
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = nonNegative("maxBackoff", maxBackoff);
            return this;
        }

        /** Fraction from 0 (none) to 1 by which each backoff may be shortened at random. */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /** The longest server-requested wait to honour; longer hints surface as exceptions. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = nonNegative("maxRetryAfter", maxRetryAfter);
            return this;
        }

        /** The source of randomness for jitter, values in [0, 1); for deterministic tests. */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Returns the policy.
         *
         * @throws IllegalArgumentException when the max backoff is shorter than the initial backoff
         */
        public RetryPolicy build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException(
                        "maxBackoff (" + maxBackoff + ") must not be shorter than initialBackoff ("
                                + initialBackoff + ")");
            }
            return new RetryPolicy(this);
        }

        private static Duration nonNegative(String field, Duration d) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException(field + " must be a non-negative duration, got " + d);
            }
            return d;
        }
    }
}
