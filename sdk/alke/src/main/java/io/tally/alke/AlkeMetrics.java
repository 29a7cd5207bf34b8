package io.tally.alke;

/**
 * Metric names Alke documents, as plain strings: the full catalogue is not published, so any other name can be
 * passed to {@link AlkeReportRequest.Builder#metric(String)} as it is.
 */
public final class AlkeMetrics {
    /** {@code pageviews}: pages viewed (from Alke's documented example). */
    public static final String PAGEVIEWS = "pageviews";
    /** {@code visits}: visits (from Alke's documented example). */
    public static final String VISITS = "visits";

    private AlkeMetrics() {}
}
