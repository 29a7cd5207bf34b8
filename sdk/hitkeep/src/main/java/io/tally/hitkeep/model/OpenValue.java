package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The common base of this package's open string-backed values ({@link TeamRole}, {@link MatchType},
 * {@link HitSort}, {@link WebVitalMetric}, …): values HitKeep may add to, so each is a wire string rather than a
 * closed Java enum. Each class has constants for the values HitKeep 2.8.1 knows and an {@code of(String)} that
 * accepts any other, so a newer server's values read without error. Two values are equal when they are of the same
 * class with the same string; JSON is the bare string.
 *
 * <pre>{@code
 * if (TeamRole.of("Admin").equals(TeamRole.ADMIN)) { … }   // of(..) trims and normalises the case
 * String wire = member.role().value();                     // "admin", or a role a newer HitKeep added
 * }</pre>
 *
 * <p>Subclasses are the open values of tally-hitkeep (this package and {@code io.tally.hitkeep}); the
 * constructor is protected only so that the client package's values ({@code FilterType},
 * {@code ExportFormat}) can share this base.
 */
public abstract class OpenValue {
    private final String value;

    /** @param value the wire value, already normalised by the subclass's {@code of(String)} */
    protected OpenValue(String value) {
        this.value = value;
    }

    /** The wire value, as HitKeep sends and accepts it. */
    @JsonValue
    public final String value() {
        return value;
    }

    /** Whether {@code o} is a value of the same class with the same wire value. */
    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((OpenValue) o).value.equals(value);
    }

    /** The wire value's hash code. */
    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    /** The wire value. */
    @Override
    public final String toString() {
        return value;
    }

    /** {@code value} trimmed and lower-cased. */
    protected static String lowerCase(String value, String what) {
        return nonBlank(value, what, null).toLowerCase(Locale.ROOT);
    }

    /** {@code value} trimmed and lower-cased; {@code known} lists the known values in the message. */
    protected static String lowerCase(String value, String what, String known) {
        return nonBlank(value, what, known).toLowerCase(Locale.ROOT);
    }

    /** {@code value} trimmed and upper-cased. */
    protected static String upperCase(String value, String what) {
        return nonBlank(value, what, null).toUpperCase(Locale.ROOT);
    }

    /** {@code value} trimmed, its case kept. */
    protected static String trimmed(String value, String what) {
        return nonBlank(value, what, null);
    }

    /** {@code value} trimmed, its case kept; {@code known} lists the known values in the message. */
    protected static String trimmed(String value, String what, String known) {
        return nonBlank(value, what, known);
    }

    private static String nonBlank(String value, String what, String known) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException(what + " must not be null or blank" + (known == null ? "" : " (" + known + ")"));
        }
        return value.trim();
    }
}
