package io.tally.mcp.tool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small builder for the JSON Schemas of tool inputs and outputs. Produces plain maps in declaration
 * order, which is what the MCP SDK publishes and validates against.
 *
 * <pre>{@code
 * Map<String, Object> input = Schema.object()
 *     .property("site_id", Schema.string("The site's id (UUID), from acme_list_sites.").format("uuid"))
 *     .property("limit", Schema.integer("Rows to return, 1-50 (default 10)."))
 *     .required("site_id")
 *     .closed()
 *     .build();
 * }</pre>
 */
public final class Schema {
    private final Map<String, Object> map = new LinkedHashMap<>();
    private @Nullable Map<String, Object> properties;
    private @Nullable List<String> required;

    private Schema(@Nullable String type) {
        if (type != null) {
            map.put("type", type);
        }
    }

    /** An object with named properties. */
    public static Schema object() {
        return new Schema("object");
    }

    /** An object with named properties and a description. */
    public static Schema object(String description) {
        return object().description(description);
    }

    /** A string. */
    public static Schema string(String description) {
        return new Schema("string").description(description);
    }

    /** A string that must be one of the given values. */
    public static Schema enumeration(String description, String... values) {
        return string(description).put("enum", Arrays.asList(values));
    }

    /** A string that must be one of the given values. */
    public static Schema enumeration(String description, List<String> values) {
        return string(description).put("enum", new ArrayList<>(values));
    }

    /** An RFC 3339 timestamp. */
    public static Schema dateTime(String description) {
        return string(description).format("date-time");
    }

    /** A whole number. */
    public static Schema integer(String description) {
        return new Schema("integer").description(description);
    }

    /** Any number. */
    public static Schema number(String description) {
        return new Schema("number").description(description);
    }

    /** A boolean. */
    public static Schema bool(String description) {
        return new Schema("boolean").description(description);
    }

    /** An array of the given items. */
    public static Schema array(String description, Schema items) {
        return new Schema("array").description(description).put("items", items.build());
    }

    /** A value of any JSON type (for free-form payloads such as event properties). */
    public static Schema any(String description) {
        return new Schema(null).description(description);
    }

    /** An object whose keys are free and whose values follow {@code values}. */
    public static Schema map(String description, Schema values) {
        return object(description).put("additionalProperties", values.build());
    }

    /** An object with no fixed shape. */
    public static Schema freeObject(String description) {
        return object(description);
    }

    /** A value that may be the given type or {@code null}. */
    public Schema nullable() {
        Object type = map.get("type");
        if (type instanceof String t) {
            map.put("type", Arrays.asList(t, "null"));
        }
        return this;
    }

    /** What the value means, for the assistant. */
    public Schema description(String description) {
        if (description != null) {
            map.put("description", description);
        }
        return this;
    }

    /** A JSON Schema format, e.g. {@code uuid} or {@code date-time}. */
    public Schema format(String format) {
        return put("format", format);
    }

    /** The smallest allowed number. */
    public Schema minimum(long minimum) {
        return put("minimum", minimum);
    }

    /** The largest allowed number. */
    public Schema maximum(long maximum) {
        return put("maximum", maximum);
    }

    /** The value used when the argument is absent. */
    public Schema defaultValue(Object value) {
        return put("default", value);
    }

    /** Adds a property to an object schema. */
    public Schema property(String name, Schema schema) {
        if (properties == null) {
            properties = new LinkedHashMap<>();
            map.put("properties", properties);
        }
        properties.put(name, schema.build());
        return this;
    }

    /** Marks properties as required. */
    public Schema required(String... names) {
        if (required == null) {
            required = new ArrayList<>();
            map.put("required", required);
        }
        required.addAll(Arrays.asList(names));
        return this;
    }

    /** Refuses properties that are not declared (for inputs: a typo is reported, not ignored). */
    public Schema closed() {
        return put("additionalProperties", false);
    }

    /** Any other keyword. */
    public Schema put(String keyword, Object value) {
        map.put(keyword, value);
        return this;
    }

    /** The schema as a map; later changes to this builder do not affect it. */
    public Map<String, Object> build() {
        return Collections.unmodifiableMap(deepCopy(map));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> source) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : source.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map<?, ?> m) {
                v = Collections.unmodifiableMap(deepCopy((Map<String, Object>) m));
            } else if (v instanceof List<?> l) {
                v = Collections.unmodifiableList(new ArrayList<>(l));
            }
            copy.put(e.getKey(), v);
        }
        return copy;
    }
}
