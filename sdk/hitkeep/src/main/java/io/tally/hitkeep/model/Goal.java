package io.tally.hitkeep.model;

import java.time.Instant;

/**
 * A conversion goal: a page path or an event name.
 *
 * @param id the goal id (UUID)
 * @param siteId the site id
 * @param name the goal's name
 * @param type what it matches
 * @param value the path or event name it matches
 * @param createdAt when the goal was created
 */
public record Goal(
        String id,
        String siteId,
        String name,
        MatchType type,
        String value,
        Instant createdAt) {}
