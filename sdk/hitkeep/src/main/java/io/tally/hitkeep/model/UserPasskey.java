package io.tally.hitkeep.model;

import java.time.Instant;

/**
 * A passkey registered for the signed-in user.
 *
 * @param id the passkey id
 * @param name its name
 * @param createdAt when it was registered
 * @param updatedAt when it was last changed
 */
public record UserPasskey(
        String id,
        String name,
        Instant createdAt,
        Instant updatedAt) {}
