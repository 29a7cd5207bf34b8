package io.tally.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Settings for one request that override the client's: timeout, retry policy, extra headers and
 * query parameters, an idempotency key, other credentials. Immutable; every request object has
 * fluent setters for these too ({@code .timeout(…)}, {@code .maxRetries(…)}, {@code .header(…)}).
 */
public final class RequestOptions {
    private static final RequestOptions NONE = builder().build();

    private final @Nullable Duration timeout;
    private final @Nullable RetryPolicy retryPolicy;
    private final @Nullable Integer maxRetries;
    private final Map<String, String> headers;
    private final Map<String, List<String>> query;
    private final @Nullable String idempotencyKey;
    private final @Nullable Credentials credentials;

    private RequestOptions(Builder b) {
        this.timeout = b.timeout;
        this.retryPolicy = b.retryPolicy;
        this.maxRetries = b.maxRetries;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        Map<String, List<String>> q = new LinkedHashMap<>();
        b.query.forEach((k, v) -> q.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
        this.query = Collections.unmodifiableMap(q);
        this.idempotencyKey = b.idempotencyKey;
        this.credentials = b.credentials;
    }

    /** Options that override nothing. */
    public static RequestOptions none() {
        return NONE;
    }

    /** A builder that overrides nothing until set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.timeout = timeout;
        b.retryPolicy = retryPolicy;
        b.maxRetries = maxRetries;
        b.headers.putAll(headers);
        query.forEach((k, v) -> b.query.put(k, new ArrayList<>(v)));
        b.idempotencyKey = idempotencyKey;
        b.credentials = credentials;
        return b;
    }

    /** Call timeout for each attempt, or {@code null} for the client's. */
    public @Nullable Duration timeout() {
        return timeout;
    }

    /** The retry policy to use instead of the client's, with {@link Builder#maxRetries} applied. */
    public RetryPolicy effectiveRetryPolicy(RetryPolicy clientPolicy) {
        RetryPolicy base = retryPolicy != null ? retryPolicy : clientPolicy;
        return maxRetries == null ? base : base.toBuilder().maxRetries(maxRetries).build();
    }

    /**
     * Extra headers for this request; each replaces a same-named header from the client, the
     * endpoint or the credentials.
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * Extra query parameters for this request, values unencoded and in order; they are added after
     * the endpoint's own, so a same-named parameter is sent twice.
     */
    public Map<String, List<String>> query() {
        return query;
    }

    /**
     * The {@code Idempotency-Key} to send, or {@code null}; when set, 408, 5xx and read failures
     * are retried even for non-idempotent methods.
     */
    public @Nullable String idempotencyKey() {
        return idempotencyKey;
    }

    /** Credentials to use instead of the client's, or {@code null}. */
    public @Nullable Credentials credentials() {
        return credentials;
    }

    @Override
    public String toString() {
        return "RequestOptions[timeout=" + timeout + ", retryPolicy=" + retryPolicy + ", maxRetries=" + maxRetries
                + ", headers=" + headers.keySet() + ", query=" + query.keySet()
                + ", idempotencyKey=" + (idempotencyKey != null) + ", credentials=" + credentials + "]";
    }

    /** Builder for {@link RequestOptions}. */
    public static final class Builder {
        private @Nullable Duration timeout;
        private @Nullable RetryPolicy retryPolicy;
        private @Nullable Integer maxRetries;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, List<String>> query = new LinkedHashMap<>();
        private @Nullable String idempotencyKey;
        private @Nullable Credentials credentials;

        private Builder() {}

        /** Limit for each attempt of this request. */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be a positive duration, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * A retry policy for this request instead of the client's; a {@link #maxRetries} set here
         * still overrides its retry count. Never {@code null}.
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Retries after the first attempt for this request (0 disables retries). */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0 || maxRetries > 20) {
                throw new IllegalArgumentException("maxRetries must be between 0 and 20, got " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * An extra header on this request, replacing a same-named header from the client, the
         * endpoint or the credentials; neither argument may be {@code null}.
         */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds a query parameter (repeatable). */
        public Builder queryParam(String name, String value) {
            query.computeIfAbsent(Objects.requireNonNull(name, "name"), k -> new ArrayList<>())
                    .add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sends {@code Idempotency-Key} and lets Tally retry this request after 5xx and read failures
         * even when its method is not idempotent.
         */
        public Builder idempotencyKey(String key) {
            if (key == null || key.trim().isEmpty()) {
                throw new IllegalArgumentException("idempotencyKey must not be null or blank");
            }
            this.idempotencyKey = key;
            return this;
        }

        /** Credentials for this request instead of the client's; never {@code null}. */
        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** Returns the options; the builder may be reused. */
        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
