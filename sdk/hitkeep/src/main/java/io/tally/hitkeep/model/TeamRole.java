package io.tally.hitkeep.model;

import io.tally.core.OpenValue;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A role in a team: {@code owner}, {@code admin} or {@code member}. Open, so roles a newer HitKeep adds
 * read without error.
 */
public final class TeamRole extends OpenValue {
    /** Every team capability, including transferring ownership and archiving. */
    public static final TeamRole OWNER = new TeamRole("owner");
    /** Every team capability except transferring ownership and archiving. */
    public static final TeamRole ADMIN = new TeamRole("admin");
    /** Sees the member list. */
    public static final TeamRole MEMBER = new TeamRole("member");

    private TeamRole(String value) {
        super(value);
    }

    /** The value for this string, known or not (lower-cased, trimmed). */
    @JsonCreator
    public static TeamRole of(String value) {
        return new TeamRole(OpenValue.lowerCase(value, "teamRole"));
    }
}
