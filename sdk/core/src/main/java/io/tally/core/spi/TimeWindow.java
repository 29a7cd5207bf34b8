package io.tally.core.spi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The time-window rules of one route, for {@link WindowedRequest}: the names of its two query
 * parameters, whether they are instants (RFC 3339) or calendar days ({@code YYYY-MM-DD}, both
 * inclusive), whether they must come together, and the longest window the route accepts. Checked
 * before sending: the end must be after the start (on or after, for days), and a window longer than
 * the limit is refused, each with an {@link IllegalArgumentException} naming the parameters.
 *
 * <pre>{@code
 * TimeWindow.instants();                                      // HitKeep: from/to, RFC 3339
 * TimeWindow.days("dateFrom", "dateTo").bothOrNeither();      // Alephant: both or neither, UTC days
 * }</pre>
 *
 * <p>Immutable; each method returns a changed copy.
 */
public final class TimeWindow {
    private static final TimeWindow DEFAULT = new TimeWindow("from", "to", false, false, null);

    private final String fromName;
    private final String toName;
    private final boolean days;
    private final boolean bothOrNeither;
    private final @Nullable Duration maxSpan;

    private TimeWindow(String fromName, String toName, boolean days, boolean bothOrNeither,
            @Nullable Duration maxSpan) {
        this.fromName = fromName;
        this.toName = toName;
        this.days = days;
        this.bothOrNeither = bothOrNeither;
        this.maxSpan = maxSpan;
    }

    /** Instants in {@code from} and {@code to}, either may be left out. */
    public static TimeWindow instants() {
        return DEFAULT;
    }

    /** Instants (RFC 3339) in parameters of these names, either may be left out. */
    public static TimeWindow instants(String fromName, String toName) {
        return new TimeWindow(Objects.requireNonNull(fromName, "fromName"), Objects.requireNonNull(toName, "toName"),
                false, false, null);
    }

    /**
     * Calendar days ({@code YYYY-MM-DD}, both inclusive) in parameters of these names. An instant
     * given to {@code from}/{@code to} becomes its UTC day (the day before, for an end instant at
     * midnight); a {@code DateRange} gives its own first and last day.
     */
    public static TimeWindow days(String fromName, String toName) {
        return new TimeWindow(Objects.requireNonNull(fromName, "fromName"), Objects.requireNonNull(toName, "toName"),
                true, false, null);
    }

    /** These rules, with the two bounds required together: both or neither. */
    public TimeWindow bothOrNeither() {
        return new TimeWindow(fromName, toName, days, true, maxSpan);
    }

    /** These rules, refusing windows longer than {@code span}. */
    public TimeWindow maxSpan(Duration span) {
        if (span == null || span.isNegative() || span.isZero()) {
            throw new IllegalArgumentException("span must be a positive duration, got " + span);
        }
        return new TimeWindow(fromName, toName, days, bothOrNeither, span);
    }

    /** The start parameter's name. */
    public String fromName() {
        return fromName;
    }

    /** The end parameter's name. */
    public String toName() {
        return toName;
    }

    /** Whether the bounds are calendar days rather than instants. */
    public boolean isDays() {
        return days;
    }

    /** The value sent for a start instant. */
    Object startValue(Instant from) {
        return days ? from.atOffset(ZoneOffset.UTC).toLocalDate() : from;
    }

    /** The value sent for an (exclusive) end instant. */
    Object endValue(Instant to) {
        return days ? to.minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate() : to;
    }

    /**
     * Checks two bounds a request holds outside its query, such as in a JSON body (Alke's
     * {@code dateFrom}/{@code dateTo}), by the same rules as query parameters: both-or-neither, order,
     * longest window. A bound not given is {@code null}; values are written as the route sends them
     * ({@code YYYY-MM-DD} for days, RFC 3339 for instants).
     *
     * @param route e.g. {@code POST /api/reports}, for the span message
     * @throws IllegalArgumentException naming the bounds when a rule is broken
     */
    public void check(String from, String to, String route) {
        check(from == null ? java.util.Collections.<String>emptyList() : java.util.Collections.singletonList(from),
                to == null ? java.util.Collections.<String>emptyList() : java.util.Collections.singletonList(to),
                route);
    }

    /**
     * Checks the two parameters' values as the request holds them.
     *
     * @param route e.g. {@code GET /api/sites/{id}/stats}, for the span message
     */
    void check(List<String> from, List<String> to, String route) {
        if (bothOrNeither && from.isEmpty() != to.isEmpty()) {
            throw new IllegalArgumentException(
                    fromName + " and " + toName + " go together: set both (or range(...)) or neither, got only "
                            + (from.isEmpty() ? toName : fromName));
        }
        if (from.isEmpty() || to.isEmpty()) {
            return;
        }
        String start = from.get(0);
        String end = to.get(0);
        Duration span;
        if (days) {
            LocalDate first = LocalDate.parse(start);
            LocalDate last = LocalDate.parse(end);
            if (last.isBefore(first)) {
                throw new IllegalArgumentException(
                        toName + " (" + end + ") must not be before " + fromName + " (" + start + ")");
            }
            span = Duration.ofDays(last.toEpochDay() - first.toEpochDay() + 1);
        } else {
            Instant a = parseInstant(start);
            Instant b = parseInstant(end);
            if (!b.isAfter(a)) {
                throw new IllegalArgumentException(
                        toName + " (" + end + ") must be after " + fromName + " (" + start + ")");
            }
            span = Duration.between(a, b);
        }
        if (maxSpan != null && span.compareTo(maxSpan) > 0) {
            throw new IllegalArgumentException("the window from " + start + " to " + end + " is longer than the "
                    + maxSpan.toDays() + " days " + route + " accepts");
        }
    }

    /**
     * {@link Instant#parse} with a shortcut for the form the request objects write ({@code 2026-01-31T00:00:00Z}, whole
     * seconds): that parse is the costliest step of checking a window, paid on every send. Anything else, and any value
     * the shortcut cannot place, goes to {@link Instant#parse}, which gives the same result or the same exception.
     */
    static Instant parseInstant(String text) {
        if (text.length() == 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && hour >= 0 && hour <= 23
                    && minute >= 0 && minute <= 59 && second >= 0 && second <= 59
                    && day <= java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
                long epochDay = LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second);
            }
        }
        return Instant.parse(text);
    }

    /** The decimal number in {@code text[from, to)}, or -1 when a character there is no ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    @Override
    public String toString() {
        return "TimeWindow[" + fromName + "/" + toName + (days ? ", days" : "")
                + (bothOrNeither ? ", both or neither" : "")
                + (maxSpan != null ? ", at most " + maxSpan : "") + "]";
    }
}
