package io.tally.hitkeep.model;

import java.time.Instant;

/**
 * One bucket of an event's time series.
 *
 * @param time the start of the bucket
 * @param count events in the bucket
 */
public record EventSeriesPoint(
        Instant time,
        long count) {}
