package io.tally.hitkeep.model;

import java.util.List;

/**
 * A funnel's numbers over a window.
 *
 * @param funnelId the funnel id
 * @param name the funnel's name
 * @param totalEntries sessions that reached the first step
 * @param totalCompletions sessions that reached the last step
 * @param overallConversionRate completions per entry, as HitKeep reports it
 * @param steps each step's numbers, in order
 */
public record FunnelStats(
        String funnelId,
        String name,
        long totalEntries,
        long totalCompletions,
        double overallConversionRate,
        List<FunnelStepStats> steps) {
    /** Copies {@code steps} into an unmodifiable list; {@code null} becomes empty. */
    public FunnelStats {
        steps = Immutable.list(steps);
    }
}
