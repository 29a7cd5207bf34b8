package io.tally.hitkeep.model;

import java.util.List;

/** Daily Search Console numbers. */
public record SearchConsoleSeries(String dataSource, List<SearchConsoleMetricPoint> series) {
    public SearchConsoleSeries {
        series = Immutable.list(series);
    }
}
