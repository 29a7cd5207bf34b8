package io.tally.alke;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * One row of a report, read best-effort: the requested dimensions as strings, the requested metrics as numbers
 * (numbers sent as strings, such as {@code "120"}, are read as numbers too), and every field of the row as it came.
 * A value that is missing, {@code null} or (for a metric) not a number is simply absent.
 */
public final class AlkeRow {
    private final Map<String, String> dimensions;
    private final Map<String, BigDecimal> metrics;
    private final Map<String, Object> values;

    AlkeRow(Map<String, String> dimensions, Map<String, BigDecimal> metrics, Map<String, Object> values) {
        this.dimensions = Collections.unmodifiableMap(dimensions);
        this.metrics = Collections.unmodifiableMap(metrics);
        this.values = Collections.unmodifiableMap(values);
    }

    /** The requested dimensions found in this row, by name, in the request's order. */
    public Map<String, String> dimensions() {
        return dimensions;
    }

    /** The requested metrics found in this row as numbers, by name, in the request's order. */
    public Map<String, BigDecimal> metrics() {
        return metrics;
    }

    /** One dimension's value; empty when the row does not carry it. */
    public Optional<String> dimension(String name) {
        return Optional.ofNullable(dimensions.get(name));
    }

    /** One metric's value; empty when the row does not carry it or it is not a number. */
    public Optional<BigDecimal> metric(String name) {
        return Optional.ofNullable(metrics.get(name));
    }

    /** Every field of the row as it came (strings, numbers, booleans, lists, maps; {@code null} kept), by name. */
    public Map<String, Object> values() {
        return values;
    }

    @Override
    public String toString() {
        return "AlkeRow[" + dimensions + " " + metrics + "]";
    }
}
