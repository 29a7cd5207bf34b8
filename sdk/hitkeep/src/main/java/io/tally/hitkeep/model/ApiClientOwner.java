package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Who owns an API client: a user ({@code personal}) or a team ({@code team}); see HitKeep reference §2.3.
 */
public final class ApiClientOwner {
    /** Bound to its user; loses access whenever the user does. */
    public static final ApiClientOwner PERSONAL = new ApiClientOwner("personal");
    /** Owned by a team; survives members leaving. */
    public static final ApiClientOwner TEAM = new ApiClientOwner("team");

    private final String value;

    private ApiClientOwner(String value) {
        this.value = value;
    }

    /** The value for this string, known or not (lower-cased, trimmed). */
    @JsonCreator
    public static ApiClientOwner of(String value) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException("apiClientOwner must not be null or blank");
        }
        return new ApiClientOwner(value.trim().toLowerCase(Locale.ROOT));
    }

    /** The wire value. */
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiClientOwner && (((ApiClientOwner) o).value.equals(value));
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
