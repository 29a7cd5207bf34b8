package io.tally.hitkeep.model;

import org.jspecify.annotations.Nullable;

/**
 * The instance's public status from {@code GET /api/status}: its version and whether first-run setup is
 * still open.
 *
 * @param version the HitKeep release, e.g. {@code 2.8.1}
 * @param needsSetup whether no user exists yet ({@code auth().createInitialUser(…)} is open)
 * @param cloud cloud hosting facts, or {@code null} on self-hosted instances
 */
public record SystemStatus(
        String version,
        boolean needsSetup,
        @Nullable CloudStatus cloud) {}
