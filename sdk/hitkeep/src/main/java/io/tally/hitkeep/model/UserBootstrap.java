package io.tally.hitkeep.model;

import java.util.List;

/**
 * Everything the dashboard loads at start: session, profile, preferences, teams, permissions, sites and
 * instance status. Marked internal in HitKeep's OpenAPI document.
 *
 * @param session the session's timing
 * @param profile the user's profile
 * @param preferences the user's preferences
 * @param teams the user's teams
 * @param permissions what the user may do
 * @param sites the sites the user can see
 * @param status the instance's status
 */
public record UserBootstrap(
        AuthSession session,
        UserProfile profile,
        UserPreferences preferences,
        TeamList teams,
        PermissionContext permissions,
        List<Site> sites,
        SystemStatus status) {
    /** Copies {@code sites} into an unmodifiable list; {@code null} becomes empty. */
    public UserBootstrap {
        sites = Immutable.list(sites);
    }
}
