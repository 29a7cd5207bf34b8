package io.tally.hitkeep.model;

import java.time.Instant;

/**
 * One bucket of a goal's conversion series.
 *
 * @param time the start of the bucket
 * @param conversions conversions in the bucket
 */
public record GoalSeriesPoint(
        Instant time,
        long conversions) {}
