package io.tally.engagetrack.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.tally.core.OpenValue;

/** A team member's role (EngageTrack reference §2.4). Open: {@link #of(String)} accepts values a newer EngageTrack adds. */
public final class TeamRole extends OpenValue {
    /** Everything, including billing and team management. */
    public static final TeamRole OWNER = new TeamRole("owner");
    /** Team members, sites and settings; no billing. */
    public static final TeamRole ADMIN = new TeamRole("admin");
    /** Analytics for assigned sites; goals and funnels. */
    public static final TeamRole MEMBER = new TeamRole("member");
    /** Read-only dashboards. */
    public static final TeamRole VIEWER = new TeamRole("viewer");

    private TeamRole(String value) {
        super(value);
    }

    /**
     * The value with this wire form; trimmed and lower-cased.
     *
     * @throws IllegalArgumentException when it is blank
     */
    @JsonCreator
    public static TeamRole of(String value) {
        return new TeamRole(lowerCase(value, "role", "owner, admin, member or viewer"));
    }
}
