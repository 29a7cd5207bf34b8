package io.tally.hitkeep.model;

/**
 * The answer to resending an invitation.
 *
 * @param status the outcome, usually {@code ok}
 * @param invite the invitation as it stands now
 */
public record TeamInviteResent(
        String status,
        TeamInvite invite) {}
