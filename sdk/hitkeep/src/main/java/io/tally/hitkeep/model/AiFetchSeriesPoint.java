package io.tally.hitkeep.model;

import java.time.Instant;

/**
 * One bucket of the AI-crawler fetch series.
 *
 * @param time the start of the bucket
 * @param count fetches in the bucket
 */
public record AiFetchSeriesPoint(
        Instant time,
        long count) {}
