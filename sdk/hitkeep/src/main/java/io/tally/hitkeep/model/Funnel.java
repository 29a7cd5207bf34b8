package io.tally.hitkeep.model;

import java.time.Instant;
import java.util.List;

/**
 * A funnel: an ordered list of at least two steps.
 *
 * @param id the funnel id (UUID)
 * @param siteId the site id
 * @param name the funnel's name
 * @param steps the steps, in order
 * @param createdAt when the funnel was created
 */
public record Funnel(
        String id,
        String siteId,
        String name,
        List<FunnelStep> steps,
        Instant createdAt) {
    /** Copies {@code steps} into an unmodifiable list; {@code null} becomes empty. */
    public Funnel {
        steps = Immutable.list(steps);
    }
}
