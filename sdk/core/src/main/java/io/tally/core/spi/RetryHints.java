package io.tally.core.spi;

import io.tally.core.HttpHeaders;
import io.tally.core.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a server's "wait this long" hint from response headers. */
public final class RetryHints {
    private RetryHints() {}

    /**
     * {@code Retry-After} as delta-seconds or an HTTP date; else {@code X-RateLimit-Reset} as a Unix
     * time in seconds (a small value is taken as seconds from now); else {@code null}. Never negative.
     */
    public static Duration retryAfter(HttpHeaders headers, Clock clock) {
        String retryAfter = headers.first("retry-after").map(String::trim).orElse(null);
        if (retryAfter != null && !retryAfter.isEmpty()) {
            Duration d = parseRetryAfter(retryAfter, clock);
            if (d != null) {
                return d;
            }
        }
        String reset = headers.first("x-ratelimit-reset").map(String::trim).orElse(null);
        if (reset != null && !reset.isEmpty()) {
            try {
                double value = Double.parseDouble(reset);
                // a Unix time is far larger than any plausible "seconds from now"
                long nowSeconds = clock.instant().getEpochSecond();
                long seconds = value > 1_000_000_000d ? (long) Math.ceil(value) - nowSeconds : (long) Math.ceil(value);
                return Duration.ofSeconds(Math.max(0, seconds));
            } catch (NumberFormatException ignored) {
                return null;
            }
        }
        return null;
    }

    private static Duration parseRetryAfter(String value, Clock clock) {
        try {
            double seconds = Double.parseDouble(value);
            if (seconds < 0 || Double.isNaN(seconds)) {
                return null;
            }
            return Duration.ofMillis((long) Math.ceil(seconds * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
