package io.tally.testkit.hitkeep;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * An inclusive time window, and the per-family rules HitKeep uses to read {@code from}/{@code to}
 * (reference §3.2).
 */
record Window(Instant from, Instant to) {

    /** The date-range rules of a family of routes. */
    enum Family {
        /** Stats, ecommerce, events, goal and funnel series, QR analytics: 30 days ending tomorrow; bad values ignored. */
        ANALYTICS,
        /** Raw hits and their export: the last 24 hours; bad values ignored. */
        HITS,
        /** Web Vitals: 30 days ending tomorrow; bad values are 400 {@code Invalid from}/{@code Invalid to}. */
        WEB_VITALS,
        /** AI fetch: 30 days ending now; bad values are 400 {@code Invalid from date, expected RFC3339}. */
        AI_FETCH
    }

    boolean contains(Instant t) {
        return !t.isBefore(from) && !t.isAfter(to);
    }

    Duration length() {
        return Duration.between(from, to);
    }

    static Window of(Call call, Family family) {
        return of(call, family, "from", "to");
    }

    static Window of(Call call, Family family, String fromParam, String toParam) {
        Instant from = parse(call.param(fromParam), family, "from");
        Instant to = parse(call.param(toParam), family, "to");
        Instant now = call.now;
        switch (family) {
            case HITS -> {
                return new Window(from != null ? from : now.minus(Duration.ofHours(24)), to != null ? to : now);
            }
            case AI_FETCH -> {
                return new Window(from != null ? from : now.minus(Duration.ofDays(30)), to != null ? to : now);
            }
            default -> {
                Instant end = to != null ? to : now.plus(Duration.ofDays(1));
                return new Window(from != null ? from : end.minus(Duration.ofDays(30)), end);
            }
        }
    }

    /** Parses leniently for the comparison window: both bounds or no window. */
    static @Nullable Window optional(Call call, String fromParam, String toParam) {
        Instant from = rfc3339(call.param(fromParam));
        Instant to = rfc3339(call.param(toParam));
        return from != null && to != null ? new Window(from, to) : null;
    }

    private static @Nullable Instant parse(@Nullable String value, Family family, String which) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Instant parsed = rfc3339(value);
        if (parsed == null) {
            switch (family) {
                case WEB_VITALS -> throw HttpError.badRequest(which.equals("from") ? "Invalid from" : "Invalid to");
                case AI_FETCH -> throw HttpError.badRequest(
                        "Invalid " + which + " date, expected RFC3339");
                default -> {
                    return null;
                }
            }
        }
        return parsed;
    }

    static @Nullable Instant rfc3339(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
