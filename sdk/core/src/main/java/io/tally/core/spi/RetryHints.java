package io.tally.core.spi;

import io.tally.core.HttpHeaders;
import io.tally.core.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a server's "wait this long" hint from response headers ({@code Retry-After},
 * {@code X-RateLimit-Reset}) or from an error message; shared by the transport and by providers
 * that deliver requests themselves (Altertable's batches).
 */
public final class RetryHints {
    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?(?:[Zz]|[+-]\\d{2}:\\d{2})");

    private RetryHints() {}

    /**
     * {@code Retry-After} as delta-seconds or an HTTP date; else {@code X-RateLimit-Reset} as a Unix
     * time in seconds (a small value is taken as seconds from now); else {@code null}. Never negative.
     */
    public static @Nullable Duration retryAfter(HttpHeaders headers, Clock clock) {
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

    /**
     * The first RFC 3339 instant in {@code text} (e.g. {@code 2026-03-14T12:01:00Z} in EngageTrack's
     * {@code Rate limit exceeded. Retry after 2026-03-14T12:01:00Z}), or {@code null}: for error
     * decoders that read a retry time from the body ({@link ErrorDetails.Builder#retryAt}).
     */
    public static @Nullable Instant instantIn(@Nullable String text) {
        if (text == null) {
            return null;
        }
        Matcher m = RFC_3339.matcher(text);
        while (m.find()) {
            try {
                return OffsetDateTime.parse(m.group().toUpperCase(java.util.Locale.ROOT)).toInstant();
            } catch (DateTimeParseException notAnInstant) {
                // e.g. month 13: look further
            }
        }
        return null;
    }

    /** How long from now until {@code at}; zero when it has passed, {@code null} when {@code at} is. */
    public static @Nullable Duration until(@Nullable Instant at, Clock clock) {
        if (at == null) {
            return null;
        }
        Duration d = Duration.between(clock.instant(), at);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static @Nullable Duration parseRetryAfter(String value, Clock clock) {
        try {
            double seconds = Double.parseDouble(value);
            if (seconds < 0 || Double.isNaN(seconds)) {
                return null;
            }
            if (Double.isInfinite(seconds)) {
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
