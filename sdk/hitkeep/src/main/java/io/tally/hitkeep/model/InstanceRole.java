package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A role on the whole HitKeep instance: {@code owner}, {@code admin} or {@code user}. Open, so roles a newer
 * HitKeep adds read without error.
 */
public final class InstanceRole {
    /** Manages users, settings and every site. */
    public static final InstanceRole OWNER = new InstanceRole("owner");
    /** Sees every site and the system pages; runs maintenance. */
    public static final InstanceRole ADMIN = new InstanceRole("admin");
    /** No instance permissions. */
    public static final InstanceRole USER = new InstanceRole("user");

    private final String value;

    private InstanceRole(String value) {
        this.value = value;
    }

    /** The value for this string, known or not (lower-cased, trimmed). */
    @JsonCreator
    public static InstanceRole of(String value) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException("instanceRole must not be null or blank");
        }
        return new InstanceRole(value.trim().toLowerCase(Locale.ROOT));
    }

    /** The wire value. */
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InstanceRole && (((InstanceRole) o).value.equals(value));
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
