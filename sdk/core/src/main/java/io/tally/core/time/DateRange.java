package io.tally.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A half-open time window {@code [from, to)} for analytics queries. Build it from instants, from
 * calendar days in a time zone, or relative to now ({@link #lastDays(int)}, {@link #today()},
 * {@link #monthToDate()}); providers convert it to what their API takes (RFC 3339 instants,
 * {@code YYYY-MM-DD} days).
 *
 * <p>Relative factories use UTC and the system clock; the overloads taking a {@link Clock} and
 * {@link ZoneId} make them testable and local.
 */
public final class DateRange {
    private final Instant from;
    private final Instant to;
    private final ZoneId zone;

    private DateRange(Instant from, Instant to, ZoneId zone) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("to (" + to + ") must be after from (" + from + ")");
        }
        this.from = from;
        this.to = to;
        this.zone = zone;
    }

    /** {@code [from, to)} between two instants. */
    public static DateRange between(Instant from, Instant to) {
        return new DateRange(from, to, ZoneOffset.UTC);
    }

    /** The whole calendar days {@code first} to {@code last}, inclusive, in {@code zone}. */
    public static DateRange days(LocalDate first, LocalDate last, ZoneId zone) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last (" + last + ") must not be before first (" + first + ")");
        }
        return new DateRange(first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant(),
                zone);
    }

    /** The whole calendar days {@code first} to {@code last}, inclusive, in UTC. */
    public static DateRange days(LocalDate first, LocalDate last) {
        return days(first, last, ZoneOffset.UTC);
    }

    /** The last {@code n} days up to now: {@code [now − n days, now)}. */
    public static DateRange lastDays(int n) {
        return lastDays(n, Clock.systemUTC());
    }

    /** The last {@code n} days up to the clock's now. */
    public static DateRange lastDays(int n, Clock clock) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1 day, got " + n);
        }
        Instant now = clock.instant();
        return new DateRange(now.minus(Duration.ofDays(n)), now, clock.getZone());
    }

    /** The last {@code hours} hours up to the clock's now. */
    public static DateRange lastHours(int hours, Clock clock) {
        if (hours < 1) {
            throw new IllegalArgumentException("hours must be at least 1, got " + hours);
        }
        Instant now = clock.instant();
        return new DateRange(now.minus(Duration.ofHours(hours)), now, clock.getZone());
    }

    /** Today in UTC, from midnight to the next midnight. */
    public static DateRange today() {
        return today(Clock.systemUTC());
    }

    /** Today in the clock's zone. */
    public static DateRange today(Clock clock) {
        LocalDate d = LocalDate.now(clock);
        return days(d, d, clock.getZone());
    }

    /** Yesterday in the clock's zone. */
    public static DateRange yesterday(Clock clock) {
        LocalDate d = LocalDate.now(clock).minusDays(1);
        return days(d, d, clock.getZone());
    }

    /** From the first of this month (UTC) to the end of today. */
    public static DateRange monthToDate() {
        return monthToDate(Clock.systemUTC());
    }

    /** From the first of this month to the end of today, in the clock's zone. */
    public static DateRange monthToDate(Clock clock) {
        LocalDate d = LocalDate.now(clock);
        return days(d.withDayOfMonth(1), d, clock.getZone());
    }

    /** The previous window of the same length, ending where this one starts: for comparisons. */
    public DateRange previousPeriod() {
        Duration length = Duration.between(from, to);
        return new DateRange(from.minus(length), from, zone);
    }

    /** Inclusive start. */
    public Instant from() {
        return from;
    }

    /** Exclusive end. */
    public Instant to() {
        return to;
    }

    /** The zone the range was defined in (UTC for instant-based ranges). */
    public ZoneId zone() {
        return zone;
    }

    /** The length of the window, {@code to − from}; always positive. */
    public Duration length() {
        return Duration.between(from, to);
    }

    /** {@link #from()} as RFC 3339, e.g. {@code 2026-06-01T00:00:00Z}. */
    public String fromRfc3339() {
        return DateTimeFormatter.ISO_INSTANT.format(from);
    }

    /** {@link #to()} as RFC 3339. */
    public String toRfc3339() {
        return DateTimeFormatter.ISO_INSTANT.format(to);
    }

    /** The first day of the range in its zone. */
    public LocalDate firstDay() {
        return from.atZone(zone).toLocalDate();
    }

    /** The last day the range touches in its zone (inclusive), for APIs that take whole days. */
    public LocalDate lastDay() {
        return to.minusNanos(1).atZone(zone).toLocalDate();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DateRange && ((DateRange) o).from.equals(from) && ((DateRange) o).to.equals(to);
    }

    @Override
    public int hashCode() {
        return from.hashCode() * 31 + to.hashCode();
    }

    @Override
    public String toString() {
        return "DateRange[" + fromRfc3339() + ", " + toRfc3339() + ")";
    }
}
