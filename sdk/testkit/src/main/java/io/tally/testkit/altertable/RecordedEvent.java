package io.tally.testkit.altertable;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One payload {@link FakeAltertable} accepted and stored: a track, an identify or an alias, as the
 * client sent it.
 */
public final class RecordedEvent {
    /** The endpoint a payload was sent to. */
    public enum Type {
        /** {@code POST /track}. */
        TRACK,
        /** {@code POST /identify}. */
        IDENTIFY,
        /** {@code POST /alias}. */
        ALIAS
    }

    private final Type type;
    private final Map<String, Object> payload;
    private final String json;
    private final int requestNumber;

    RecordedEvent(Type type, Map<String, Object> payload, String json, int requestNumber) {
        this.type = type;
        this.payload = payload;
        this.json = json;
        this.requestNumber = requestNumber;
    }

    /** The endpoint the payload was sent to. */
    public Type type() {
        return type;
    }

    /** The payload as parsed JSON: objects are maps, arrays lists; unmodifiable. */
    public Map<String, Object> payload() {
        return payload;
    }

    /** The payload as compact JSON text. */
    public String json() {
        return json;
    }

    /** The 1-based number of the HTTP request that carried this payload. */
    public int requestNumber() {
        return requestNumber;
    }

    /** {@code environment}. */
    public String environment() {
        // the fake stores only payloads whose environment is a string
        return Objects.requireNonNull(string("environment"), "environment");
    }

    /** {@code distinct_id}; {@code null} on a track sent without one. */
    public @Nullable String distinctId() {
        return string("distinct_id");
    }

    /** {@code event} of a track; {@code null} for identify and alias. */
    public @Nullable String event() {
        return string("event");
    }

    /** A property of a track ({@code properties.<name>}), or {@code null}. */
    public @Nullable Object property(String name) {
        Object properties = payload.get("properties");
        return properties instanceof Map ? ((Map<?, ?>) properties).get(name) : null;
    }

    /** A top-level field as text, or {@code null} when absent or not a string. */
    public @Nullable String string(String field) {
        Object value = payload.get(field);
        return value instanceof String ? (String) value : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordedEvent && ((RecordedEvent) o).type == type && ((RecordedEvent) o).json.equals(json)
                && ((RecordedEvent) o).requestNumber == requestNumber;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, json, requestNumber);
    }

    @Override
    public String toString() {
        return type.name().toLowerCase(java.util.Locale.ROOT) + " " + json;
    }
}
