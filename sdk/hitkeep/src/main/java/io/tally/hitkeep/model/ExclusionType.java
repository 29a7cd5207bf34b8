package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What an exclusion rule matches: a {@code cidr} IP range or a {@code country}.
 */
public final class ExclusionType {
    /** An IPv4 or IPv6 range such as {@code 203.0.113.0/24}. */
    public static final ExclusionType CIDR = new ExclusionType("cidr");
    /** An ISO 3166-1 alpha-2 country code. */
    public static final ExclusionType COUNTRY = new ExclusionType("country");

    private final String value;

    private ExclusionType(String value) {
        this.value = value;
    }

    /** The value for this string, known or not (lower-cased, trimmed). */
    @JsonCreator
    public static ExclusionType of(String value) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException("exclusionType must not be null or blank");
        }
        return new ExclusionType(value.trim().toLowerCase(Locale.ROOT));
    }

    /** The wire value. */
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExclusionType && (((ExclusionType) o).value.equals(value));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
