package io.tally.engagetrack;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code period} of an analytics query: {@link #DAY}, {@link #SEVEN_DAYS}, {@link #THIRTY_DAYS},
 * {@link #MONTH}, {@link #TWELVE_MONTHS}, or {@link #custom(LocalDate, LocalDate)} with {@code from}/{@code to}.
 * A request's {@code date(…)} sets the base date the period is computed from.
 *
 * <p>Not published by EngageTrack: whether {@code custom} needs both bounds (the SDK sends both), the format
 * of {@code from}/{@code to} (the SDK sends ISO dates, {@code 2026-03-01}), whether {@code 7d} includes today
 * and which time zone applies (presumably the site's). Immutable.
 */
public final class Period {
    /** Today ({@code day}). */
    public static final Period DAY = new Period("day", null, null);
    /** The last 7 days ({@code 7d}). */
    public static final Period SEVEN_DAYS = new Period("7d", null, null);
    /** The last 30 days ({@code 30d}). */
    public static final Period THIRTY_DAYS = new Period("30d", null, null);
    /** The current month ({@code month}). */
    public static final Period MONTH = new Period("month", null, null);
    /** The last 12 months ({@code 12mo}). */
    public static final Period TWELVE_MONTHS = new Period("12mo", null, null);

    private final String value;
    private final @Nullable LocalDate from;
    private final @Nullable LocalDate to;

    private Period(String value, @Nullable LocalDate from, @Nullable LocalDate to) {
        this.value = value;
        this.from = from;
        this.to = to;
    }

    /**
     * {@code period=custom} from {@code from} to {@code to}, both days included.
     *
     * @throws IllegalArgumentException when either is {@code null} or {@code to} is before {@code from}
     */
    public static Period custom(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a custom period needs both from and to (ISO dates), got from=" + from
                    + ", to=" + to);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") must not be before from (" + from + ")");
        }
        return new Period("custom", from, to);
    }

    /**
     * The period with this wire value: {@code day}, {@code 7d}, {@code 30d}, {@code month} or {@code 12mo}
     * (use {@link #custom} for {@code custom}).
     *
     * @throws IllegalArgumentException for any other value
     */
    public static Period of(String value) {
        for (Period p : new Period[] {DAY, SEVEN_DAYS, THIRTY_DAYS, MONTH, TWELVE_MONTHS}) {
            if (p.value.equals(value == null ? null : value.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "period must be one of day, 7d, 30d, month, 12mo (or custom(from, to)), got '"
                        + value + "'");
    }

    /** The wire value of {@code period}. */
    public String value() {
        return value;
    }

    /** Whether this is a custom period with {@code from}/{@code to}. */
    public boolean isCustom() {
        return from != null;
    }

    /** The first day of a custom period, or {@code null}. */
    public @Nullable LocalDate from() {
        return from;
    }

    /** The last day of a custom period, or {@code null}. */
    public @Nullable LocalDate to() {
        return to;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Period && ((Period) o).value.equals(value) && Objects.equals(((Period) o).from, from)
                && Objects.equals(((Period) o).to, to);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, from, to);
    }

    @Override
    public String toString() {
        return isCustom() ? "custom " + from + ".." + to : value;
    }
}
