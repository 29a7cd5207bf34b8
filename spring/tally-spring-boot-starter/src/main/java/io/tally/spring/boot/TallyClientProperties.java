package io.tally.spring.boot;

import io.tally.core.ClientBuilder;
import io.tally.core.LogLevel;
import io.tally.core.RateLimit;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;

/**
 * The settings every provider's client shares, bound under {@code tally.<provider>}: each provider's
 * properties class extends this one, so a new provider gets the same names. Unset values keep the
 * SDK's defaults.
 */
public abstract class TallyClientProperties {
    /** Whether to create this provider's client when its required settings are present. */
    private boolean enabled = true;

    /** The API's base URL, http or https. */
    private @Nullable String baseUrl;

    /** Limit for opening a connection (SDK default 10 s). */
    private @Nullable Duration connectTimeout;

    /** The longest the server may stay silent during one read (SDK default 60 s). */
    private @Nullable Duration readTimeout;

    /** The longest one write of the request may block (SDK default 60 s). */
    private @Nullable Duration writeTimeout;

    /** The longest one request may take, retries included; 0 for none (SDK default 5 min). */
    private @Nullable Duration requestDeadline;

    /** Retries after the first attempt (SDK default 2). */
    private @Nullable Integer maxRetries;

    /** The largest response body read into memory (SDK default 16MB). */
    private @Nullable DataSize maxBodySize;

    /** How much of each exchange is logged to io.tally.http at DEBUG, secrets redacted. */
    private @Nullable LogLevel logLevel;

    /** Your application's product token, e.g. my-app/1.4, appended to Tally's user agent. */
    private @Nullable String userAgent;

    /** A client-side rate limit; off unless permits-per-second is set. */
    private final RateLimitProperties rateLimit = new RateLimitProperties();

    /** Creates the properties with every value unset. */
    protected TallyClientProperties() {}

    /**
     * Applies the shared settings that are set to {@code builder}.
     *
     * @param builder the provider's client builder
     * @throws IllegalArgumentException naming the setting when a value is invalid
     */
    public void applyTo(ClientBuilder<?, ?> builder) {
        if (baseUrl != null && hasText(baseUrl)) {
            builder.baseUrl(baseUrl);
        }
        if (connectTimeout != null) {
            builder.connectTimeout(connectTimeout);
        }
        if (readTimeout != null) {
            builder.readTimeout(readTimeout);
        }
        if (writeTimeout != null) {
            builder.writeTimeout(writeTimeout);
        }
        if (requestDeadline != null) {
            builder.requestDeadline(requestDeadline);
        }
        if (maxRetries != null) {
            builder.maxRetries(maxRetries);
        }
        if (maxBodySize != null) {
            builder.maxBodySize(maxBodySize.toBytes());
        }
        if (logLevel != null) {
            builder.logLevel(logLevel);
        }
        if (userAgent != null && hasText(userAgent)) {
            builder.userAgent(userAgent);
        }
        if (rateLimit.getPermitsPerSecond() != null) {
            builder.rateLimit(RateLimit.of(rateLimit.getPermitsPerSecond(),
                    rateLimit.getBurst() != null ? rateLimit.getBurst() : 1));
        }
    }

    /**
     * Whether a string setting has a value: an empty value, e.g. from {@code ${VAR:}}, counts as unset.
     *
     * @param value the setting
     * @return whether it is neither {@code null} nor blank
     */
    protected static boolean hasText(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    /** @return whether to create the client; {@code true} by default */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled whether to create the client */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return the base URL, or {@code null} when unset */
    public @Nullable String getBaseUrl() {
        return baseUrl;
    }

    /** @param baseUrl the API's base URL */
    public void setBaseUrl(@Nullable String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** @return the connect timeout, or {@code null} for the SDK's default */
    public @Nullable Duration getConnectTimeout() {
        return connectTimeout;
    }

    /** @param connectTimeout limit for opening a connection */
    public void setConnectTimeout(@Nullable Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** @return the read timeout, or {@code null} for the SDK's default */
    public @Nullable Duration getReadTimeout() {
        return readTimeout;
    }

    /** @param readTimeout the longest the server may stay silent during one read */
    public void setReadTimeout(@Nullable Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** @return the write timeout, or {@code null} for the SDK's default */
    public @Nullable Duration getWriteTimeout() {
        return writeTimeout;
    }

    /** @param writeTimeout the longest one write may block */
    public void setWriteTimeout(@Nullable Duration writeTimeout) {
        this.writeTimeout = writeTimeout;
    }

    /** @return the request deadline, or {@code null} for the SDK's default */
    public @Nullable Duration getRequestDeadline() {
        return requestDeadline;
    }

    /** @param requestDeadline the longest one request may take, retries included */
    public void setRequestDeadline(@Nullable Duration requestDeadline) {
        this.requestDeadline = requestDeadline;
    }

    /** @return the retries after the first attempt, or {@code null} for the SDK's default */
    public @Nullable Integer getMaxRetries() {
        return maxRetries;
    }

    /** @param maxRetries retries after the first attempt */
    public void setMaxRetries(@Nullable Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    /** @return the largest body read into memory, or {@code null} for the SDK's default */
    public @Nullable DataSize getMaxBodySize() {
        return maxBodySize;
    }

    /** @param maxBodySize the largest response body read into memory */
    public void setMaxBodySize(@Nullable DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    /** @return the log level, or {@code null} for the SDK's default (none) */
    public @Nullable LogLevel getLogLevel() {
        return logLevel;
    }

    /** @param logLevel how much of each exchange is logged */
    public void setLogLevel(@Nullable LogLevel logLevel) {
        this.logLevel = logLevel;
    }

    /** @return the application's product token, or {@code null} */
    public @Nullable String getUserAgent() {
        return userAgent;
    }

    /** @param userAgent the application's product token, e.g. {@code my-app/1.4} */
    public void setUserAgent(@Nullable String userAgent) {
        this.userAgent = userAgent;
    }

    /** @return the client-side rate limit settings */
    public RateLimitProperties getRateLimit() {
        return rateLimit;
    }

    /** A client-side rate limit: {@code permits-per-second} turns it on, {@code burst} defaults to 1. */
    public static class RateLimitProperties {
        /** Requests per second the client keeps under; unset for no client-side limit. */
        private @Nullable Double permitsPerSecond;

        /** Requests that may go at once before the rate applies; 1 when unset. */
        private @Nullable Integer burst;

        /** Creates unset rate-limit settings. */
        public RateLimitProperties() {}

        /** @return the permits per second, or {@code null} for no limit */
        public @Nullable Double getPermitsPerSecond() {
            return permitsPerSecond;
        }

        /** @param permitsPerSecond requests per second the client keeps under */
        public void setPermitsPerSecond(@Nullable Double permitsPerSecond) {
            this.permitsPerSecond = permitsPerSecond;
        }

        /** @return the burst, or {@code null} for 1 */
        public @Nullable Integer getBurst() {
            return burst;
        }

        /** @param burst requests that may go at once */
        public void setBurst(@Nullable Integer burst) {
            this.burst = burst;
        }
    }
}
