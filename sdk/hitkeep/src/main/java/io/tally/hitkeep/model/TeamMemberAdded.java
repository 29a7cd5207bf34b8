package io.tally.hitkeep.model;

import org.jspecify.annotations.Nullable;

/**
 * The answer to adding a member: an existing user is added at once; anyone else is invited.
 *
 * @param status the outcome, usually {@code ok}
 * @param isInvite whether an invitation was sent instead of adding the user directly
 * @param invite the invitation, when one was sent; else {@code null}
 */
public record TeamMemberAdded(
        String status,
        boolean isInvite,
        @Nullable TeamInvite invite) {}
