package io.tally.hitkeep.model;

import java.util.List;

/**
 * The signed-in user's teams and which one is active.
 *
 * @param activeTeamId the active team
 * @param recentTeamIds recently used teams, most recent first
 * @param teams every team the user belongs to
 */
public record TeamList(
        String activeTeamId,
        List<String> recentTeamIds,
        List<Team> teams) {
    /** Copies {@code recentTeamIds} and {@code teams} into unmodifiable lists; {@code null} becomes empty. */
    public TeamList {
        recentTeamIds = Immutable.list(recentTeamIds);
        teams = Immutable.list(teams);
    }
}
