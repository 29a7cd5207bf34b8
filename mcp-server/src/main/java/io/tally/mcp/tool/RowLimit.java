package io.tally.mcp.tool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How many rows a tool returns. A missing or non-positive {@code limit} means the default and a larger one is capped
 * at the maximum (never an error); each provider names its defaults with a {@link Rule}. Lists that were cut are marked explicitly
 * ({@code "truncated": true, "total_rows": N}) so an assistant never mistakes a top-10 for the whole.
 *
 * @param value   the effective limit
 * @param maximum the cap that applied
 */
public record RowLimit(int value, int maximum) {

    /**
     * A provider's default and maximum for one kind of list (ranked lists, enumerations…).
     *
     * @param defaultValue rows when {@code limit} is missing or not positive
     * @param maximum      the cap
     */
    public record Rule(int defaultValue, int maximum) {
        /**
         * Checks the rule.
         *
         * @throws IllegalArgumentException unless {@code 1 <= defaultValue <= maximum}
         */
        public Rule {
            if (defaultValue < 1 || defaultValue > maximum) {
                throw new IllegalArgumentException("need 1 <= defaultValue <= maximum, got " + defaultValue + " and "
                        + maximum);
            }
        }

        /** Reads {@code limit} with this rule. */
        public RowLimit read(Arguments args) {
            return from(args, defaultValue, maximum);
        }

        /** The input schema of {@code limit} under this rule. */
        public Schema schema() {
            return Schema.integer("Rows to return per list (default " + defaultValue + ", at most " + maximum
                    + "; larger values are capped). Lists that were cut say so with truncated/total_rows.");
        }
    }

    /** Reads {@code limit} with the given default and maximum. */
    public static RowLimit from(Arguments args, int defaultValue, int maximum) {
        long requested = args.optionalLong("limit").orElse(0L);
        int value = requested <= 0 ? defaultValue : (int) Math.min(requested, maximum);
        return new RowLimit(value, maximum);
    }

    /** The first {@link #value()} rows of a list. */
    public <T> List<T> cut(List<T> rows) {
        return rows.size() <= value ? rows : new ArrayList<>(rows.subList(0, value));
    }

    /**
     * Puts the cut list under {@code key}, with {@code truncated} and {@code total_rows} describing it.
     *
     * @return whether the list was cut
     */
    public <T> boolean putRows(Map<String, Object> out, String key, List<T> rows) {
        out.put(key, cut(rows));
        boolean truncated = rows.size() > value;
        out.put("truncated", truncated);
        out.put("total_rows", rows.size());
        return truncated;
    }

    /**
     * Puts one of several cut lists under {@code key}; when it was cut, records its full size in
     * {@code truncatedLists} under the same key.
     */
    public <T> void putList(Map<String, Object> out, String key, List<T> rows, Map<String, Object> truncatedLists) {
        out.put(key, cut(rows));
        if (rows.size() > value) {
            truncatedLists.put(key, rows.size());
        }
    }

    /** Adds the {@code truncated}/{@code total_rows} markers of {@link #putRows} to an output schema. */
    public static Schema truncation(Schema schema) {
        return schema.property("truncated", Schema.bool("True when the list was cut to the limit."))
                .property("total_rows", Schema.integer("Rows available before the cut."));
    }

    /** Adds the {@code truncated}/{@code truncated_lists} markers of {@link #putList} to an output schema. */
    public static Schema truncatedLists(Schema schema) {
        return schema.property("truncated", Schema.bool("True when any list was cut to the limit."))
                .property("truncated_lists", Schema.map("For each list that was cut: the rows available before the cut "
                        + "(a lower bound for lists the provider itself limits).", Schema.integer("Rows available.")));
    }
}
