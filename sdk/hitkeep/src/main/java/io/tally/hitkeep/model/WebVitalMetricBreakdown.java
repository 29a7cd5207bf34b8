package io.tally.hitkeep.model;

/**
 * One metric's numbers for a page, inside {@link WebVitalPageRow#metrics()}.
 *
 * @param p75 the 75th percentile (milliseconds; unitless for CLS)
 * @param samples how many samples
 * @param good samples rated good
 * @param needsImprovement samples rated needs improvement
 * @param poor samples rated poor
 * @param rating how the 75th percentile rates
 */
public record WebVitalMetricBreakdown(
        double p75,
        long samples,
        long good,
        long needsImprovement,
        long poor,
        WebVitalRating rating) {}
