package io.tally.core;

import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The base of every provider's open string-backed values (HitKeep's {@code TeamRole},
 * {@code HitSort}, …): values a server may add to, so each is a wire string rather than a closed
 * Java enum. Each subclass has constants for the values its provider documents and an
 * {@code of(String)} that accepts any other, so a newer server's values read without error;
 * {@link #isKnown()} tells the two apart. Two values are equal when they are of the same class with
 * the same string; JSON is the bare string.
 *
 * <pre>{@code
 * if (TeamRole.of("Admin").equals(TeamRole.ADMIN)) { … }   // of(..) trims and normalises the case
 * String wire = member.role().value();                     // "admin", or a role a newer HitKeep added
 * if (!member.role().isKnown()) { log.info("new role {}", member.role()); }
 * }</pre>
 *
 * <p>A subclass is final, declares its known values as {@code public static final} constants of its
 * own type, and normalises input in {@code of(String)} with the helpers below.
 */
public abstract class OpenValue {
    /** The constants' wire values, per subclass, read once. */
    private static final Map<Class<?>, Set<String>> KNOWN = new ConcurrentHashMap<>();

    private final String value;

    /** @param value the wire value, already normalised by the subclass's {@code of(String)} */
    protected OpenValue(String value) {
        this.value = value;
    }

    /** The wire value, as the provider sends and accepts it. */
    @JsonValue
    public final String value() {
        return value;
    }

    /**
     * Whether this is one of the values the SDK knows: equal to one of the class's
     * {@code public static final} constants. A value a newer server added is not known.
     */
    public final boolean isKnown() {
        return KNOWN.computeIfAbsent(getClass(), OpenValue::constantsOf).contains(value);
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

    private static Set<String> constantsOf(Class<?> type) {
        Set<String> values = new HashSet<>();
        for (Field field : type.getDeclaredFields()) {
            int m = field.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m) && field.getType() == type) {
                try {
                    Object constant = field.get(null);
                    if (constant != null) {
                        values.add(((OpenValue) constant).value);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read the constant " + field, e);
                }
            }
        }
        return Collections.unmodifiableSet(values);
    }

    private static String nonBlank(String value, String what, @Nullable String known) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException(
                    what + " must not be null or blank" + (known == null ? "" : " (" + known + ")"));
        }
        return value.trim();
    }
}
