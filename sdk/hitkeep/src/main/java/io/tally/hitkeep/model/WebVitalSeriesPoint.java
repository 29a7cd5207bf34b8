package io.tally.hitkeep.model;

import java.time.Instant;

/**
 * One bucket of a Web Vitals metric's time series.
 *
 * @param time the start of the bucket
 * @param p75 the 75th percentile in the bucket (milliseconds; unitless for CLS)
 * @param samples how many samples
 * @param good samples rated good
 * @param needsImprovement samples rated needs improvement
 * @param poor samples rated poor
 */
public record WebVitalSeriesPoint(
        Instant time,
        double p75,
        long samples,
        long good,
        long needsImprovement,
        long poor) {}
