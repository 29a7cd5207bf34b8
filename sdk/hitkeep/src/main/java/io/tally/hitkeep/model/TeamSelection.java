package io.tally.hitkeep.model;

import java.util.List;

/**
 * Which team is active after switching, archiving or leaving one.
 *
 * @param status the outcome, usually {@code ok}
 * @param activeTeamId the now active team
 * @param recentTeamIds recently used teams, most recent first
 */
public record TeamSelection(
        String status,
        String activeTeamId,
        List<String> recentTeamIds) {
    /** Copies {@code recentTeamIds} into an unmodifiable list; {@code null} becomes empty. */
    public TeamSelection {
        recentTeamIds = Immutable.list(recentTeamIds);
    }
}
