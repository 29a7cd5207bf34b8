package io.tally.core;

/**
 * How much of each HTTP exchange is logged through SLF4J (logger {@code io.tally.http}, at DEBUG).
 * Secret headers are always redacted; bodies are never logged, since they may carry passwords.
 */
public enum LogLevel {
    /** Nothing (the default). */
    NONE,
    /**
     * Method, URL (secret path values such as share tokens redacted; query values elided, names kept),
     * status, duration and request id.
     */
    BASIC,
    /** {@link #BASIC} plus request and response headers, secrets redacted. */
    HEADERS;

    /** The level {@code TALLY_LOG_LEVEL} names (any case), or an error naming the variable. */
    static LogLevel fromEnvironment(String value) {
        try {
            return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("environment variable TALLY_LOG_LEVEL must be NONE, BASIC or HEADERS, got '"
                    + value + "'");
        }
    }
}
