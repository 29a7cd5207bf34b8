package io.tally.hitkeep.model;

import java.time.Instant;

/**
 * One bucket of a funnel's series.
 *
 * @param time the start of the bucket
 * @param entries sessions that reached the first step
 * @param completions sessions that reached the last step
 */
public record FunnelSeriesPoint(
        Instant time,
        long entries,
        long completions) {}
