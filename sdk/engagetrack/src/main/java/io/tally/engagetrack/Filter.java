package io.tally.engagetrack;

import java.util.Objects;

/**
 * One entry of an analytics query's {@code filters}, sent as {@code {"field": …, "operator": …, "value": …}}
 * inside the JSON-encoded array. EngageTrack does not publish the filter grammar (field names, operators), so
 * the SDK checks only that the parts are present; when the real shape differs, pass the JSON yourself with
 * {@code rawFilters(…)}. Immutable.
 */
public final class Filter {
    private final String field;
    private final String operator;
    private final Object value;

    private Filter(String field, String operator, Object value) {
        this.field = field;
        this.operator = operator;
        this.value = value;
    }

    /**
     * A filter such as {@code Filter.of("country", "is", "DE")}.
     *
     * @param value a string, number or boolean
     * @throws IllegalArgumentException when a part is {@code null} or blank, or the value is of another type
     */
    public static Filter of(String field, String operator, Object value) {
        if (field == null || field.trim().isEmpty()) {
            throw new IllegalArgumentException("filter field must not be null or blank, e.g. country");
        }
        if (operator == null || operator.trim().isEmpty()) {
            throw new IllegalArgumentException("filter operator must not be null or blank, e.g. is");
        }
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw new IllegalArgumentException("filter value must be a string, number or boolean, got "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        return new Filter(field.trim(), operator.trim(), value);
    }

    /** The field filtered on. */
    public String field() {
        return field;
    }

    /** The operator, e.g. {@code is}. */
    public String operator() {
        return operator;
    }

    /** The value compared with. */
    public Object value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Filter && ((Filter) o).field.equals(field) && ((Filter) o).operator.equals(operator)
                && ((Filter) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, operator, value);
    }

    @Override
    public String toString() {
        return field + " " + operator + " " + value;
    }
}
