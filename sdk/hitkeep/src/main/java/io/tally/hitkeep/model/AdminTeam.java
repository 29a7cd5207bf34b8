package io.tally.hitkeep.model;

import java.time.Instant;

/**
 * A team as the instance admin sees it.
 *
 * @param isDefault  whether it is the instance's default team (cannot be archived or deleted)
 * @param isArchived whether it is archived (a prerequisite for deleting it)
 */
public record AdminTeam(String id, String name, boolean isDefault, boolean isArchived, int memberCount, int siteCount,
        Instant createdAt) {}
