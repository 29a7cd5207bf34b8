package io.tally.engagetrack.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A response whose fields EngageTrack does not publish: the SDK keeps the whole JSON object and offers the
 * fields it knows as methods, so a field a newer server adds, or one the SDK cannot name yet, is still
 * readable with {@link #json()}, {@link #text(String)} or {@link #number(String)}.
 */
public abstract class JsonView {
    private final JsonNode json;

    /** @param json the object as received; {@code null} is read as JSON {@code null} */
    protected JsonView(@Nullable JsonNode json) {
        this.json = json == null ? NullNode.getInstance() : json;
    }

    /** The whole object as EngageTrack sent it (a copy: changing it changes nothing here). */
    public JsonNode json() {
        return json.deepCopy();
    }

    /** A text field, or {@code null} when absent or not a value. */
    public @Nullable String text(String field) {
        JsonNode v = json.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    /** A whole-number field, when present and numeric. */
    public OptionalLong number(String field) {
        JsonNode v = json.get(field);
        return v != null && v.isNumber() ? OptionalLong.of(v.asLong()) : OptionalLong.empty();
    }

    /** A decimal field, when present and numeric. */
    public OptionalDouble decimal(String field) {
        JsonNode v = json.get(field);
        return v != null && v.isNumber() ? OptionalDouble.of(v.asDouble()) : OptionalDouble.empty();
    }

    /** The raw node, for subclasses. */
    protected final JsonNode node() {
        return json;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((JsonView) o).json.equals(json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), json);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + json;
    }
}
