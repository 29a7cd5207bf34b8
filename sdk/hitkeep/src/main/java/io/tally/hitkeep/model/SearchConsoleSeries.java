package io.tally.hitkeep.model;

import java.util.List;

/** Daily Search Console numbers. */
public record SearchConsoleSeries(String dataSource, List<SearchConsoleMetricPoint> series) {
    /** Copies {@code series} into an unmodifiable list; {@code null} becomes empty. */
    public SearchConsoleSeries {
        series = Immutable.list(series);
    }
}
