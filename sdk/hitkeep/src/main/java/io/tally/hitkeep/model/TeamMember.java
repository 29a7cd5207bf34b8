package io.tally.hitkeep.model;

import java.time.Instant;

/**
 * A member of a team.
 *
 * @param id the membership id
 * @param userId the user id
 * @param email the user's e-mail address
 * @param role the role in the team
 * @param addedAt when the user joined
 */
public record TeamMember(
        String id,
        String userId,
        String email,
        TeamRole role,
        Instant addedAt) {}
