package io.tally.hitkeep.model;

/**
 * How much of its plan a team uses.
 *
 * @param currentSites sites the team has
 * @param currentMembers members the team has
 * @param currentPendingInvites open invitations
 */
public record TeamUsageSummary(
        int currentSites,
        int currentMembers,
        int currentPendingInvites) {}
