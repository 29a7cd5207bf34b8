package io.tally.hitkeep.model;

import java.util.List;

/**
 * Top rows of one Search Console dimension (OpenAPI schema {@code SearchConsoleDimensionResponse}).
 *
 * @param dimension {@code query}, {@code page}, {@code country} or {@code device}
 */
public record SearchConsoleDimensionReport(String dataSource, String dimension, List<SearchConsoleDimensionRow> rows) {
    /** Copies {@code rows} into an unmodifiable list; {@code null} becomes empty. */
    public SearchConsoleDimensionReport {
        rows = Immutable.list(rows);
    }
}
