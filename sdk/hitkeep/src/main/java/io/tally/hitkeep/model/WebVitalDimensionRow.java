package io.tally.hitkeep.model;

/**
 * A Web Vitals metric for one value of a dimension (one browser, country, device…).
 *
 * @param name the dimension value, e.g. {@code Chrome}
 * @param p75 the 75th percentile (milliseconds; unitless for CLS)
 * @param samples how many samples
 * @param good samples rated good
 * @param needsImprovement samples rated needs improvement
 * @param poor samples rated poor
 * @param rating how the 75th percentile rates
 */
public record WebVitalDimensionRow(
        String name,
        double p75,
        long samples,
        long good,
        long needsImprovement,
        long poor,
        WebVitalRating rating) {}
