package io.tally.hitkeep.model;

import io.tally.core.OpenValue;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Who owns an API client: a user ({@code personal}) or a team ({@code team}); see HitKeep reference §2.3.
 */
public final class ApiClientOwner extends OpenValue {
    /** Bound to its user; loses access whenever the user does. */
    public static final ApiClientOwner PERSONAL = new ApiClientOwner("personal");
    /** Owned by a team; survives members leaving. */
    public static final ApiClientOwner TEAM = new ApiClientOwner("team");

    private ApiClientOwner(String value) {
        super(value);
    }

    /** The value for this string, known or not (lower-cased, trimmed). */
    @JsonCreator
    public static ApiClientOwner of(String value) {
        return new ApiClientOwner(OpenValue.lowerCase(value, "apiClientOwner"));
    }
}
