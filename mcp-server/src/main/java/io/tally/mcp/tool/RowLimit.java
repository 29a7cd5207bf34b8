package io.tally.mcp.tool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How many rows a tool returns. Like HitKeep's own MCP server, a missing or non-positive {@code limit} means the
 * default and a larger one is capped at the maximum (never an error). Lists that were cut are marked explicitly
 * ({@code "truncated": true, "total_rows": N}) so an assistant never mistakes a top-10 for the whole.
 *
 * @param value   the effective limit
 * @param maximum the cap that applied
 */
public record RowLimit(int value, int maximum) {
    /** HitKeep's defaults for ranked lists: 10 rows, at most 50. */
    public static final int DEFAULT = 10;
    public static final int MAXIMUM = 50;

    /** Reads {@code limit} with HitKeep's defaults (10, at most 50). */
    public static RowLimit from(Arguments args) {
        return from(args, DEFAULT, MAXIMUM);
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
}
