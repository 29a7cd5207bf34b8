package io.tally.core;

import io.tally.core.spi.ClientContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Everything a provider client is configured with: where to send requests, how to authenticate,
 * timeouts, retries, logging and the user agent. Immutable; {@link #toBuilder()} derives a changed
 * copy. Provider builders ({@code HitKeep.builder()}) expose these same settings.
 *
 * <p>Common environment variables, read by {@link Builder#fromEnvironment(Environment, String)} with
 * the provider's prefix (e.g. {@code HITKEEP}):
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>Variable</th><th>Meaning</th></tr>
 *   <tr><td>{@code <PREFIX>_BASE_URL}</td><td>base URL of the API</td></tr>
 *   <tr><td>{@code <PREFIX>_TIMEOUT_SECONDS}</td><td>read timeout</td></tr>
 *   <tr><td>{@code <PREFIX>_MAX_RETRIES}</td><td>retries after the first attempt</td></tr>
 *   <tr><td>{@code TALLY_LOG_LEVEL}</td><td>{@code NONE}, {@code BASIC} or {@code HEADERS}</td></tr>
 * </table>
 */
public final class ClientOptions {
    /** The default {@link #requestDeadline()}: 5 minutes. */
    public static final Duration DEFAULT_REQUEST_DEADLINE = Duration.ofMinutes(5);
    /** The default {@link #maxBodySize()}: 16 MiB. */
    public static final long DEFAULT_MAX_BODY_SIZE = 16L * 1024 * 1024;

    private final @Nullable HttpUrl baseUrl;
    private final Credentials credentials;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Duration callTimeout;
    private final Duration requestDeadline;
    private final long maxBodySize;
    private final RetryPolicy retryPolicy;
    private final @Nullable String userAgent;
    private final LogLevel logLevel;
    private final @Nullable RateLimit rateLimit;
    private final Map<String, String> defaultHeaders;
    private final Set<String> secretHeaders;
    private final Clock clock;
    private final Sleeper sleeper;
    private final @Nullable Executor asyncExecutor;
    private final @Nullable OkHttpClient httpClient;
    private final List<RequestListener> requestListeners;

    private ClientOptions(Builder b) {
        this.baseUrl = b.baseUrl;
        this.credentials = b.credentials;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.writeTimeout = b.writeTimeout;
        this.callTimeout = b.callTimeout;
        this.requestDeadline = b.requestDeadline;
        this.maxBodySize = b.maxBodySize;
        this.retryPolicy = b.retryPolicy;
        this.userAgent = b.userAgent;
        this.logLevel = b.logLevel;
        this.rateLimit = b.rateLimit;
        this.defaultHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(b.defaultHeaders));
        this.secretHeaders = Collections.unmodifiableSet(new LinkedHashSet<>(b.secretHeaders));
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.asyncExecutor = b.asyncExecutor;
        this.httpClient = b.httpClient;
        this.requestListeners = Collections.unmodifiableList(new ArrayList<>(b.requestListeners));
    }

    /**
     * A builder with the defaults: no base URL, no credentials, 10 s connect and 60 s read and
     * write timeouts, no call timeout, a 5 min request deadline, a 16 MiB limit for buffered bodies,
     * {@link RetryPolicy#defaults()}, logging off and no client-side rate limit.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The base URL every path is resolved against; {@code null} until set. */
    public @Nullable HttpUrl baseUrl() {
        return baseUrl;
    }

    /** The credentials sent with every request; {@link Credentials#none()} unless set. */
    public Credentials credentials() {
        return credentials;
    }

    /** Limit for opening a connection to the server; 10 s by default. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * The longest the server may stay silent while the response is awaited or read (per read, not
     * for the whole body); 60 s by default.
     */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** The longest a single write of the request may block; 60 s by default. */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /** Limit for a whole call (each attempt); {@link Duration#ZERO} means none. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /**
     * The longest one request may take from start to end, all attempts and the waits between them
     * included; {@link #DEFAULT_REQUEST_DEADLINE} by default, {@link Duration#ZERO} for none. Streamed
     * downloads and event streams are exempt: they end when their body ends.
     */
    public Duration requestDeadline() {
        return requestDeadline;
    }

    /**
     * The largest response body, in bytes, that Tally reads into memory (to parse it or return it as
     * text); {@link #DEFAULT_MAX_BODY_SIZE} by default. A larger body fails the request with a
     * {@link ResponseTooLargeException}. Streamed downloads are exempt.
     */
    public long maxBodySize() {
        return maxBodySize;
    }

    /** When and how failed requests are retried; {@link RetryPolicy#defaults()} unless set. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** The application's own product token, appended to Tally's user agent; may be {@code null}. */
    public @Nullable String userAgent() {
        return userAgent;
    }

    /**
     * How much of each exchange is logged to the SLF4J logger {@code io.tally.http} at DEBUG;
     * {@link LogLevel#NONE} by default.
     */
    public LogLevel logLevel() {
        return logLevel;
    }

    /** The client-side rate limit, or {@code null} for none. */
    public @Nullable RateLimit rateLimit() {
        return rateLimit;
    }

    /** Headers sent on every request. */
    public Map<String, String> defaultHeaders() {
        return defaultHeaders;
    }

    /** Extra header names, beyond the built-in ones, whose values are redacted in logs and errors. */
    public Set<String> secretHeaders() {
        return secretHeaders;
    }

    /**
     * The clock for HTTP-date and Unix-time retry hints and for the rate limiter; the system clock
     * in UTC by default.
     */
    public Clock clock() {
        return clock;
    }

    /** How to wait between retries and for the rate limiter; {@link Sleeper#SYSTEM} by default. */
    public Sleeper sleeper() {
        return sleeper;
    }

    /** Runs {@code executeAsync()} calls; {@code null} means Tally's shared daemon pool. */
    public @Nullable Executor asyncExecutor() {
        return asyncExecutor;
    }

    /** An OkHttp client to share (its pool and dispatcher); {@code null} means Tally's own. */
    public @Nullable OkHttpClient httpClient() {
        return httpClient;
    }

    /** The listeners told about every request, in the order they were added; empty by default. */
    public List<RequestListener> requestListeners() {
        return requestListeners;
    }

    @Override
    public String toString() {
        return "ClientOptions[baseUrl=" + baseUrl + ", credentials=" + credentials + ", connectTimeout="
                + connectTimeout
                + ", readTimeout=" + readTimeout + ", retryPolicy=" + retryPolicy + ", logLevel=" + logLevel
                + ", rateLimit=" + rateLimit + "]";
    }

    /** Builder for {@link ClientOptions}. */
    public static final class Builder {
        private @Nullable HttpUrl baseUrl;
        private Credentials credentials = Credentials.none();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration writeTimeout = Duration.ofSeconds(60);
        private Duration callTimeout = Duration.ZERO;
        private Duration requestDeadline = DEFAULT_REQUEST_DEADLINE;
        private long maxBodySize = DEFAULT_MAX_BODY_SIZE;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private @Nullable String userAgent;
        private LogLevel logLevel = LogLevel.NONE;
        private @Nullable RateLimit rateLimit;
        private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
        private final Set<String> secretHeaders = new LinkedHashSet<>();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private @Nullable Executor asyncExecutor;
        private @Nullable OkHttpClient httpClient;
        private final List<RequestListener> requestListeners = new ArrayList<>();

        private Builder() {}

        private Builder(ClientOptions o) {
            baseUrl = o.baseUrl;
            credentials = o.credentials;
            connectTimeout = o.connectTimeout;
            readTimeout = o.readTimeout;
            writeTimeout = o.writeTimeout;
            callTimeout = o.callTimeout;
            requestDeadline = o.requestDeadline;
            maxBodySize = o.maxBodySize;
            retryPolicy = o.retryPolicy;
            userAgent = o.userAgent;
            logLevel = o.logLevel;
            rateLimit = o.rateLimit;
            defaultHeaders.putAll(o.defaultHeaders);
            secretHeaders.addAll(o.secretHeaders);
            clock = o.clock;
            sleeper = o.sleeper;
            asyncExecutor = o.asyncExecutor;
            httpClient = o.httpClient;
            requestListeners.addAll(o.requestListeners);
        }

        /** The API's base URL, {@code http} or {@code https}, e.g. {@code https://analytics.example.com}. */
        public Builder baseUrl(String baseUrl) {
            if (baseUrl == null || baseUrl.trim().isEmpty()) {
                throw new IllegalArgumentException(
                        "baseUrl is missing; set it to the API's http(s) URL, e.g. https://analytics.example.com");
            }
            HttpUrl parsed = HttpUrl.parse(baseUrl.trim());
            if (parsed == null) {
                throw new IllegalArgumentException(
                        "baseUrl must be an absolute http or https URL, got '" + baseUrl + "'");
            }
            if (parsed.username().length() > 0 || parsed.password().length() > 0) {
                throw new IllegalArgumentException(
                        "baseUrl must not contain a user name or password; use the client's credentials");
            }
            this.baseUrl = parsed;
            return this;
        }

        /**
         * How every request authenticates; {@link Credentials#none()} (the default) for none, never
         * {@code null}.
         */
        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * Limit for opening a connection to the server; 10 s by default.
         *
         * @throws IllegalArgumentException when {@code timeout} is {@code null}, zero or negative
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        /**
         * The longest the server may stay silent while the response is awaited or read (per read,
         * not for the whole body); 60 s by default.
         *
         * @throws IllegalArgumentException when {@code timeout} is {@code null}, zero or negative
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive("readTimeout", timeout);
            return this;
        }

        /**
         * The longest a single write of the request may block; 60 s by default.
         *
         * @throws IllegalArgumentException when {@code timeout} is {@code null}, zero or negative
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = positive("writeTimeout", timeout);
            return this;
        }

        /** Limit for each whole attempt; {@link Duration#ZERO} for none (the default). */
        public Builder callTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative()) {
                throw new IllegalArgumentException("callTimeout must be zero or positive, got " + timeout);
            }
            this.callTimeout = timeout;
            return this;
        }

        /**
         * The longest one request may take, all attempts and retry waits included;
         * {@link #DEFAULT_REQUEST_DEADLINE} (5 min) by default, {@link Duration#ZERO} for none. It ends a
         * response that trickles in just faster than the read timeout. Streamed downloads and event
         * streams are exempt. When it passes, the request fails with an {@link ApiTimeoutException}.
         *
         * @throws IllegalArgumentException when {@code deadline} is {@code null} or negative
         */
        public Builder requestDeadline(Duration deadline) {
            if (deadline == null || deadline.isNegative()) {
                throw new IllegalArgumentException("requestDeadline must be zero (none) or positive, got " + deadline);
            }
            this.requestDeadline = deadline;
            return this;
        }

        /**
         * The largest response body, in bytes, read into memory; {@link #DEFAULT_MAX_BODY_SIZE} (16 MiB) by
         * default. A larger body fails with a {@link ResponseTooLargeException} naming its size and this
         * limit instead of exhausting the heap. Streamed downloads are exempt.
         *
         * @throws IllegalArgumentException when {@code bytes} is not positive
         */
        public Builder maxBodySize(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxBodySize must be a positive number of bytes, got " + bytes);
            }
            this.maxBodySize = bytes;
            return this;
        }

        /**
         * When and how failed requests are retried; replaces the whole policy, including a
         * {@link #maxRetries} set earlier. Never {@code null}: use {@link RetryPolicy#none()} to
         * turn retries off.
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Shorthand for a retry policy with this many retries and otherwise the current settings. */
        public Builder maxRetries(int maxRetries) {
            this.retryPolicy = retryPolicy.toBuilder().maxRetries(maxRetries).build();
            return this;
        }

        /** Your application's product token, e.g. {@code my-app/1.4}, appended to Tally's user agent. */
        public Builder userAgent(@Nullable String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /**
         * How much of each exchange is logged to the SLF4J logger {@code io.tally.http} at DEBUG;
         * {@link LogLevel#NONE} (the default) for nothing.
         */
        public Builder logLevel(LogLevel logLevel) {
            this.logLevel = Objects.requireNonNull(logLevel, "logLevel");
            return this;
        }

        /** Keep the client under this rate; {@code null} for no client-side limit (the default). */
        public Builder rateLimit(@Nullable RateLimit rateLimit) {
            this.rateLimit = rateLimit;
            return this;
        }

        /** A header sent on every request. */
        public Builder defaultHeader(String name, String value) {
            defaultHeaders.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Treat this header's value as secret: it is redacted in logs, exceptions and {@code toString()}. */
        public Builder secretHeader(String name) {
            secretHeaders.add(name.toLowerCase(Locale.ROOT));
            return this;
        }

        /** The clock used to read HTTP-date and Unix-time rate-limit hints and for the rate limiter. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How to wait between retries; tests inject one that records instead of sleeping. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The executor for {@code executeAsync()}; by default a shared pool of daemon threads. */
        public Builder asyncExecutor(@Nullable Executor executor) {
            this.asyncExecutor = executor;
            return this;
        }

        /**
         * An OkHttp client whose connection pool, dispatcher and settings (proxy, TLS) to reuse.
         * Tally derives its own client from it with {@link OkHttpClient#newBuilder()}.
         */
        public Builder httpClient(@Nullable OkHttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /**
         * Adds a listener told about every request this client sends (for metrics or tracing);
         * listeners added earlier stay and are called first.
         *
         * @throws NullPointerException when {@code listener} is {@code null}
         */
        public Builder requestListener(RequestListener listener) {
            requestListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Reads the common settings from the environment: {@code <prefix>_BASE_URL},
         * {@code <prefix>_TIMEOUT_SECONDS}, {@code <prefix>_MAX_RETRIES} and {@code TALLY_LOG_LEVEL}.
         * Unset variables leave the current values.
         */
        public Builder fromEnvironment(Environment env, String prefix) {
            env.get(prefix + "_BASE_URL").ifPresent(this::baseUrl);
            env.seconds(prefix + "_TIMEOUT_SECONDS").ifPresent(this::readTimeout);
            env.integer(prefix + "_MAX_RETRIES").ifPresent(this::maxRetries);
            env.get("TALLY_LOG_LEVEL").ifPresent(v -> logLevel(LogLevel.fromEnvironment(v)));
            return this;
        }

        /**
         * Returns the options. A missing base URL is not an error here:
         * {@link ClientContext#create} rejects it.
         */
        public ClientOptions build() {
            return new ClientOptions(this);
        }

        private static Duration positive(String field, @Nullable Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(field + " must be a positive duration, got " + d);
            }
            return d;
        }
    }
}
