package io.tally.hitkeep.model;

import java.util.List;

/**
 * Top rows of one Search Console dimension (OpenAPI schema {@code SearchConsoleDimensionResponse}).
 *
 * @param dimension {@code query}, {@code page}, {@code country} or {@code device}
 */
public record SearchConsoleDimensionReport(String dataSource, String dimension, List<SearchConsoleDimensionRow> rows) {
    public SearchConsoleDimensionReport {
        rows = Immutable.list(rows);
    }
}
