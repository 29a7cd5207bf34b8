package io.tally.alke;

/**
 * Dimension names Alke documents, as plain strings: the full catalogue is not published, so any other name can be
 * passed to {@link AlkeReportRequest.Builder#dimension(String)} as it is.
 */
public final class AlkeDimensions {
    /** {@code date}: one row per day (from Alke's documented example). */
    public static final String DATE = "date";

    private AlkeDimensions() {}
}
