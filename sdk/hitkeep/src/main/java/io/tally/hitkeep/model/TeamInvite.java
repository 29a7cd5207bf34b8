package io.tally.hitkeep.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An invitation to join a team.
 *
 * @param id the invitation id
 * @param teamId the team id
 * @param email who was invited
 * @param role the role they get on accepting
 * @param status e.g. {@code pending}, {@code accepted}, {@code revoked}, {@code expired}
 * @param invitedUserId the invited user, if they have an account; else {@code null}
 * @param createdBy who sent it
 * @param createdAt when it was sent
 * @param expiresAt when it expires
 * @param acceptedAt when it was accepted, or {@code null}
 * @param revokedAt when it was revoked, or {@code null}
 */
public record TeamInvite(
        String id,
        String teamId,
        String email,
        TeamRole role,
        String status,
        @Nullable String invitedUserId,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant acceptedAt,
        @Nullable Instant revokedAt) {}
