package io.tally.hitkeep.model;

import java.util.Map;

/**
 * A page's numbers for the requested Web Vitals metric, plus every metric measured on it.
 *
 * @param path the page path
 * @param p75 the requested metric's 75th percentile on this page
 * @param samples how many samples of the requested metric
 * @param good samples rated good
 * @param needsImprovement samples rated needs improvement
 * @param poor samples rated poor
 * @param rating how the 75th percentile rates
 * @param metrics every metric measured on the page, by name ({@code LCP}, {@code CLS}…)
 */
public record WebVitalPageRow(
        String path,
        double p75,
        long samples,
        long good,
        long needsImprovement,
        long poor,
        WebVitalRating rating,
        Map<String, WebVitalMetricBreakdown> metrics) {
    /** Copies {@code metrics} into an unmodifiable map; {@code null} becomes empty. */
    public WebVitalPageRow {
        metrics = Immutable.map(metrics);
    }
}
