package io.tally.hitkeep;

import io.tally.core.spi.ResponseReader;
import io.tally.hitkeep.model.Status;
import io.tally.hitkeep.model.Team;
import io.tally.hitkeep.model.TeamInput;
import io.tally.hitkeep.model.TeamInvite;
import io.tally.hitkeep.model.TeamInviteResent;
import io.tally.hitkeep.model.TeamList;
import io.tally.hitkeep.model.TeamMember;
import io.tally.hitkeep.model.TeamMemberAdded;
import io.tally.hitkeep.model.TeamRole;
import io.tally.hitkeep.model.TeamSelection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in user's teams: creating, switching, renaming and archiving them, members and invitations,
 * ownership and the audit log. <b>Session only</b>. Each route checks a team capability (HitKeep reference
 * §2.5); without it HitKeep answers 403 {@code Access denied}, and plan limits answer 403
 * {@code Team limit reached} or {@code Team member limit reached}.
 *
 * <pre>{@code
 * Team team = dashboard.teams().create(TeamInput.of("Marketing")).execute();
 * dashboard.teams().addMember(team.id(), "grace@example.com", TeamRole.ADMIN).execute();
 * }</pre>
 */
public final class Teams {
    private final HitKeep client;

    Teams(HitKeep client) {
        this.client = client;
    }

    /** The user's teams and the active one ({@code GET /api/user/teams}). */
    public HitKeepCall<TeamList> list() {
        return call("GET", "/api/user/teams", client.context().json(TeamList.class));
    }

    /** Creates a team and makes the user its owner ({@code POST /api/user/teams}, 201); returns the new team. */
    @SuppressWarnings("NullAway") // a JSON null answer reads as null, as ClientContext.json documents
    public HitKeepCall<Team> create(TeamInput team) {
        Objects.requireNonNull(team, "team");
        ResponseReader<TeamCreated> created = client.context().json(TeamCreated.class);
        return call("POST", "/api/user/teams", response -> {
            TeamCreated answer = created.read(response);
            return answer == null ? null : answer.team();
        }).body(team);
    }

    /** Makes a team the active one ({@code PUT /api/user/teams/active}). */
    public HitKeepCall<TeamSelection> setActive(String teamId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("team_id", Inputs.id("teamId", teamId));
        return call("PUT", "/api/user/teams/active", client.context().json(TeamSelection.class)).body(body);
    }

    /** Renames a team and sets its logo ({@code PUT /api/user/teams/{id}}); needs {@code team.manage_settings}. */
    public HitKeepCall<Status> update(String teamId, TeamInput team) {
        Objects.requireNonNull(team, "team");
        return call("PUT", "/api/user/teams/{id}", client.context().json(Status.class), Inputs.id("teamId", teamId))
                .body(team);
    }

    /**
     * The same change as {@link #update(String, TeamInput)} through {@code PATCH /api/user/teams/{id}}, which HitKeep
     * also registers; the name is required here too.
     */
    public HitKeepCall<Status> patch(String teamId, TeamInput team) {
        Objects.requireNonNull(team, "team");
        return call("PATCH", "/api/user/teams/{id}", client.context().json(Status.class), Inputs.id("teamId", teamId))
                .body(team);
    }

    /** Archives a team: its API clients stop working ({@code POST /api/user/teams/{id}/archive}); needs {@code team.archive}. */
    public HitKeepCall<TeamSelection> archive(String teamId) {
        return call("POST", "/api/user/teams/{id}/archive", client.context().json(TeamSelection.class),
                Inputs.id("teamId", teamId));
    }

    /** Leaves a team ({@code DELETE /api/user/teams/{id}/leave}); an owner must transfer ownership first. */
    public HitKeepCall<TeamSelection> leave(String teamId) {
        return call("DELETE", "/api/user/teams/{id}/leave", client.context().json(TeamSelection.class),
                Inputs.id("teamId", teamId));
    }

    /** A team's audit log ({@code GET /api/user/teams/{id}/audit}); needs {@code team.view_audit}. */
    public TeamAuditRequest audit(String teamId) {
        return new TeamAuditRequest(client, teamId);
    }

    /** A team's members ({@code GET /api/user/teams/{id}/members}); needs {@code team.view_members}. */
    public HitKeepCall<List<TeamMember>> members(String teamId) {
        return call("GET", "/api/user/teams/{id}/members", client.context().listOf(TeamMember.class),
                Inputs.id("teamId", teamId));
    }

    /**
     * Adds a user to a team, or invites them when they have no account yet ({@code POST /api/user/teams/{id}/members});
     * needs {@code team.manage_members}.
     */
    public HitKeepCall<TeamMemberAdded> addMember(String teamId, String email, TeamRole role) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", Inputs.email(email));
        body.put("role", Objects.requireNonNull(role, "role"));
        return call("POST", "/api/user/teams/{id}/members", client.context().json(TeamMemberAdded.class),
                Inputs.id("teamId", teamId)).body(body);
    }

    /** Removes a member ({@code DELETE /api/user/teams/{id}/members/{userId}}); needs {@code team.manage_members}. */
    public HitKeepCall<Status> removeMember(String teamId, String userId) {
        return call("DELETE", "/api/user/teams/{id}/members/{userId}", client.context().json(Status.class),
                Inputs.id("teamId", teamId), Inputs.id("userId", userId));
    }

    /** A team's open invitations ({@code GET /api/user/teams/{id}/invites}); needs {@code team.manage_members}. */
    public HitKeepCall<List<TeamInvite>> invites(String teamId) {
        return call("GET", "/api/user/teams/{id}/invites", client.context().listOf(TeamInvite.class),
                Inputs.id("teamId", teamId));
    }

    /** Sends an invitation again ({@code POST /api/user/teams/{id}/invites/{inviteId}/resend}). */
    public HitKeepCall<TeamInviteResent> resendInvite(String teamId, String inviteId) {
        return call("POST", "/api/user/teams/{id}/invites/{inviteId}/resend",
                client.context().json(TeamInviteResent.class),
                Inputs.id("teamId", teamId), Inputs.id("inviteId", inviteId));
    }

    /** Withdraws an invitation ({@code DELETE /api/user/teams/{id}/invites/{inviteId}}). */
    public HitKeepCall<Status> revokeInvite(String teamId, String inviteId) {
        return call("DELETE", "/api/user/teams/{id}/invites/{inviteId}", client.context().json(Status.class),
                Inputs.id("teamId", teamId), Inputs.id("inviteId", inviteId));
    }

    /**
     * Makes another member the team's owner ({@code POST /api/user/teams/{id}/transfer-ownership}); needs
     * {@code team.transfer_ownership}.
     */
    public HitKeepCall<Status> transferOwnership(String teamId, String targetUserId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target_user_id", Inputs.id("targetUserId", targetUserId));
        return call("POST", "/api/user/teams/{id}/transfer-ownership", client.context().json(Status.class),
                Inputs.id("teamId", teamId)).body(body);
    }

    /** The create answer's envelope, {@code {"team": …}}. */
    record TeamCreated(Team team) {}

    private <T> HitKeepCall<T> call(String method, String route, ResponseReader<T> reader, Object... path) {
        return new HitKeepCall<>(client, method, route, RouteAuth.SESSION_ONLY, path, reader);
    }
}
