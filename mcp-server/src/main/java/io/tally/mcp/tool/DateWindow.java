package io.tally.mcp.tool;

import io.tally.core.time.DateRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The date window of an analytics tool: {@code from} and {@code to} are RFC 3339; {@code to} defaults to now and
 * {@code from} to the provider's default span before {@code to} (also when only {@code to} is given); {@code to}
 * must be after {@code from}; the span may not exceed the configured maximum. Echoed back in RFC 3339, UTC, whole
 * seconds. The numbers are each provider's ({@link Rules}); the mechanism is the same for all.
 *
 * @param from start of the window
 * @param to   end of the window
 */
public record DateWindow(Instant from, Instant to) {

    /**
     * A provider's window rules.
     *
     * @param defaultSpan the span when {@code from} is not given
     * @param maxDays     the longest span accepted, in days
     */
    public record Rules(Duration defaultSpan, int maxDays) {
        /**
         * Checks the rules.
         *
         * @throws IllegalArgumentException when the span is not positive or {@code maxDays} is below 1
         */
        public Rules {
            if (defaultSpan == null || defaultSpan.isNegative() || defaultSpan.isZero()) {
                throw new IllegalArgumentException("defaultSpan must be positive, got " + defaultSpan);
            }
            if (maxDays < 1) {
                throw new IllegalArgumentException("maxDays must be at least 1, got " + maxDays);
            }
        }

        /** Reads {@code from}/{@code to} from the arguments. */
        public DateWindow resolve(Arguments args, Clock clock) {
            return DateWindow.resolve(args, "from", "to", clock, this);
        }

        /** Reads the optional comparison window {@code compare_from}/{@code compare_to}: both or neither. */
        public Optional<DateWindow> resolveComparison(Arguments args) {
            return DateWindow.resolveComparison(args, maxDays);
        }
    }

    /** Reads a window from two named arguments. */
    public static DateWindow resolve(Arguments args, String fromName, String toName, Clock clock, Rules rules) {
        Instant to = parse(args, toName).orElseGet(() -> clock.instant().truncatedTo(ChronoUnit.SECONDS));
        Instant from = parse(args, fromName).orElseGet(() -> to.minus(rules.defaultSpan()));
        return check(from, to, fromName, toName, rules.maxDays());
    }

    /**
     * Reads the optional comparison window {@code compare_from}/{@code compare_to}: both or neither.
     */
    public static Optional<DateWindow> resolveComparison(Arguments args, int maxDays) {
        boolean hasFrom = args.has("compare_from");
        boolean hasTo = args.has("compare_to");
        if (!hasFrom && !hasTo) {
            return Optional.empty();
        }
        if (hasFrom != hasTo) {
            throw new ToolFailure("compare_from and compare_to are required together");
        }
        Instant from = parse(args, "compare_from").orElseThrow(IllegalStateException::new);
        Instant to = parse(args, "compare_to").orElseThrow(IllegalStateException::new);
        return Optional.of(check(from, to, "compare_from", "compare_to", maxDays));
    }

    private static DateWindow check(Instant from, Instant to, String fromName, String toName, int maxDays) {
        if (!to.isAfter(from)) {
            throw new ToolFailure(toName + " must be after " + fromName + " (" + fromName + "=" + format(from)
                    + ", " + toName + "=" + format(to) + ")");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(maxDays)) > 0) {
            throw new ToolFailure("date range exceeds " + maxDays + " days (" + fromName + "=" + format(from) + ", "
                    + toName + "=" + format(to) + "); ask for a shorter window");
        }
        return new DateWindow(from, to);
    }

    private static Optional<Instant> parse(Arguments args, String name) {
        return args.optionalString(name).map(s -> {
            try {
                return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw new ToolFailure(
                        "invalid " + name + " timestamp, expected RFC3339 such as 2026-06-01T00:00:00Z, got '"
                                + s + "'");
            }
        });
    }

    /** The window of equal length that ends where this one starts. */
    public DateWindow previous() {
        Duration span = Duration.between(from, to);
        return new DateWindow(from.minus(span), from);
    }

    /** The window as a core {@link DateRange}. */
    public DateRange toRange() {
        return DateRange.between(from, to);
    }

    /** {@code from} in RFC 3339, UTC, whole seconds. */
    public String fromText() {
        return format(from);
    }

    /** {@code to} in RFC 3339, UTC, whole seconds. */
    public String toText() {
        return format(to);
    }

    /** An instant in RFC 3339, UTC, whole seconds. */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
