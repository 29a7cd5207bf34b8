package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A role in a team: {@code owner}, {@code admin} or {@code member}. Open, so roles a newer HitKeep adds
 * read without error.
 */
public final class TeamRole {
    /** Every team capability, including transferring ownership and archiving. */
    public static final TeamRole OWNER = new TeamRole("owner");
    /** Every team capability except transferring ownership and archiving. */
    public static final TeamRole ADMIN = new TeamRole("admin");
    /** Sees the member list. */
    public static final TeamRole MEMBER = new TeamRole("member");

    private final String value;

    private TeamRole(String value) {
        this.value = value;
    }

    /** The value for this string, known or not (lower-cased, trimmed). */
    @JsonCreator
    public static TeamRole of(String value) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException("teamRole must not be null or blank");
        }
        return new TeamRole(value.trim().toLowerCase(Locale.ROOT));
    }

    /** The wire value. */
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TeamRole && (((TeamRole) o).value.equals(value));
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
