package io.tally.alephant.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of US dollars that remembers the unit its field uses on the wire, so that a budget
 * written in dollars ({@code budget}, {@code amount}) and one read in cents ({@code budgetCents},
 * {@code spentCents}) cannot be confused: {@link #dollars()} and {@link #cents()} always convert,
 * and {@link #unit()} tells which one the server sent.
 *
 * <p>Alephant uses three money encodings (reference §9.1, unverified against live responses): USD
 * dollars as JSON floats ({@code cost} on usage, costs and models), integer cents ({@code …Cents}
 * fields on cockpit, overview, virtual-key and subscription payloads) and dollars as numeric
 * strings ({@code cost_sum} on the Analytics API's atomic routes). Amounts are kept as
 * {@link BigDecimal}, never as a binary floating-point number. Immutable.
 */
public final class Money implements Comparable<Money> {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The unit of a money field on the wire. */
    public enum Unit {
        /** US dollars as a JSON number, e.g. {@code "cost": 12.5}. */
        USD_DOLLARS,
        /** US cents as a JSON integer, e.g. {@code "budgetCents": 1250}. */
        USD_CENTS,
        /** US dollars as a numeric string, e.g. {@code "cost_sum": "12.50"} (Analytics API rollups). */
        USD_DOLLAR_STRING
    }

    private final BigDecimal dollars;
    private final Unit unit;

    private Money(BigDecimal dollars, Unit unit) {
        this.dollars = dollars;
        this.unit = unit;
    }

    /** An amount in dollars, e.g. {@code Money.ofDollars(new BigDecimal("12.50"))}. */
    public static Money ofDollars(BigDecimal dollars) {
        return new Money(Objects.requireNonNull(dollars, "dollars"), Unit.USD_DOLLARS);
    }

    /** An amount in dollars given as text, e.g. {@code Money.ofDollars("12.50")}. */
    public static Money ofDollars(String dollars) {
        return new Money(parse(dollars, "dollars"), Unit.USD_DOLLARS);
    }

    /** An amount in whole cents, e.g. {@code Money.ofCents(1250)} for 12.50 USD. */
    public static Money ofCents(long cents) {
        return new Money(BigDecimal.valueOf(cents).divide(HUNDRED), Unit.USD_CENTS);
    }

    /**
     * Reads a wire value in the given unit: a number or a numeric string (both are accepted for
     * every unit, since the encoding is unverified).
     *
     * @throws IllegalArgumentException when {@code value} is not a number
     */
    public static Money parse(String value, Unit unit) {
        BigDecimal amount = parse(value, "money value");
        return new Money(unit == Unit.USD_CENTS ? amount.divide(HUNDRED) : amount,
                Objects.requireNonNull(unit, "unit"));
    }

    /** The amount in dollars (exact). */
    public BigDecimal dollars() {
        return dollars;
    }

    /** The amount in whole cents, rounded half-up. */
    public long cents() {
        return dollars.multiply(HUNDRED).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The amount in dollars rounded to two decimals, as the write routes ({@code budget}, {@code amount}) take it. */
    public BigDecimal dollarsForWrite() {
        return dollars.setScale(2, RoundingMode.HALF_UP);
    }

    /** The unit the amount was given or received in. */
    public Unit unit() {
        return unit;
    }

    /** Whether the amount is zero. */
    public boolean isZero() {
        return dollars.signum() == 0;
    }

    @Override
    public int compareTo(Money other) {
        return dollars.compareTo(other.dollars);
    }

    /** Equal when the amounts are equal, whatever the unit they came in. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Money && ((Money) o).dollars.compareTo(dollars) == 0;
    }

    @Override
    public int hashCode() {
        return dollars.stripTrailingZeros().hashCode();
    }

    /** E.g. {@code 12.50 USD}. */
    @Override
    public String toString() {
        return dollars.setScale(Math.max(2, dollars.scale()), RoundingMode.UNNECESSARY).toPlainString() + " USD";
    }

    private static BigDecimal parse(String value, String what) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException(
                    what + " must be a decimal number such as 12.50, got " + (value == null ? "null" : "''"));
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a decimal number such as 12.50, got '" + value + "'");
        }
    }
}
