package io.tally.hitkeep.model;

/**
 * The 75th percentile of one Web Vitals metric over a window, with the count of samples per rating.
 *
 * @param metric the metric
 * @param p75 the 75th percentile (milliseconds; unitless for CLS)
 * @param samples how many samples
 * @param good samples rated good
 * @param needsImprovement samples rated needs improvement
 * @param poor samples rated poor
 * @param rating how the 75th percentile rates
 */
public record WebVitalSummaryMetric(
        WebVitalMetric metric,
        double p75,
        long samples,
        long good,
        long needsImprovement,
        long poor,
        WebVitalRating rating) {}
