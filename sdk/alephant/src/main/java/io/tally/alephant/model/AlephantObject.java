package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The base of every Alephant model: the JSON object as received, with typed accessors for the
 * fields the reference names. Most of Alephant's response shapes are unverified (reference §9:
 * many come from the official MCP server's TypeScript types), so models are lenient: unknown
 * fields are kept and reachable through {@link #json()} and {@link #field(String)}, numbers that
 * arrive as strings are parsed, a field may be read under its camelCase or snake_case name, and a
 * missing field is an empty {@link Optional} or {@code null}, never an exception.
 */
public abstract class AlephantObject {
    private final JsonNode json;

    /** Wraps {@code json}; {@code null} becomes a missing node. */
    protected AlephantObject(@Nullable JsonNode json) {
        this.json = json == null ? MissingNode.getInstance() : json;
    }

    /** The whole payload as received, unknown fields included. */
    public final JsonNode json() {
        return json;
    }

    /** A field of the payload, when present and not {@code null}. */
    public final Optional<JsonNode> field(String name) {
        JsonNode value = json.get(name);
        return value == null || value.isNull() ? Optional.<JsonNode>empty() : Optional.of(value);
    }

    /** The first present field among {@code names} (e.g. camelCase and snake_case spellings). */
    protected final @Nullable JsonNode node(String... names) {
        for (String name : names) {
            JsonNode value = json.get(name);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }

    /** A text field, or {@code null}. */
    protected final @Nullable String text(String... names) {
        JsonNode value = node(names);
        return value == null || !value.isValueNode() ? null : value.asText();
    }

    /** A whole-number field (a JSON number or a numeric string), or {@code null}. */
    protected final @Nullable Long whole(String... names) {
        BigDecimal value = decimal(names);
        if (value == null) {
            return null;
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            return value.longValue();
        }
    }

    /** A decimal field (a JSON number or a numeric string), or {@code null} when absent or not numeric. */
    protected final @Nullable BigDecimal decimal(String... names) {
        return decimalOf(node(names));
    }

    /** A boolean field (also {@code "true"}/{@code "false"} strings), or {@code null}. */
    protected final @Nullable Boolean bool(String... names) {
        JsonNode value = node(names);
        if (value == null) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String t = value.asText();
        return "true".equalsIgnoreCase(t) ? Boolean.TRUE : "false".equalsIgnoreCase(t) ? Boolean.FALSE : null;
    }

    /** A money field in the given wire unit, or {@code null}. */
    protected final @Nullable Money money(Money.Unit unit, String... names) {
        BigDecimal value = decimal(names);
        return value == null ? null : Money.parse(value.toPlainString(), unit);
    }

    /** The elements of an array field, each converted; an empty list when absent. */
    protected final <T> List<T> list(Function<JsonNode, T> convert, String... names) {
        return listOf(node(names), convert);
    }

    /** The elements of {@code array}, each converted; an empty list when it is not an array. */
    protected static <T> List<T> listOf(@Nullable JsonNode array, Function<JsonNode, T> convert) {
        if (array == null || !array.isArray()) {
            return Collections.emptyList();
        }
        List<T> out = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            out.add(convert.apply(item));
        }
        return Collections.unmodifiableList(out);
    }

    /** A JSON number or numeric string as a decimal; {@code null} otherwise. */
    protected static @Nullable BigDecimal decimalOf(@Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** The class name and the payload; models that carry a secret override this. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + json;
    }
}
