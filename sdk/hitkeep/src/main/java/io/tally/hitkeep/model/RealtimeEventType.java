package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The type of a realtime event: {@code analytics.changed} (new data arrived) or {@code analytics.resync}
 * (the stream missed events: reload everything). Open: other event names are passed through.
 */
public final class RealtimeEventType {
    /** New data arrived for the kinds listed in the event. */
    public static final RealtimeEventType ANALYTICS_CHANGED = new RealtimeEventType("analytics.changed");
    /** Events were missed; reload every view of the site. */
    public static final RealtimeEventType ANALYTICS_RESYNC = new RealtimeEventType("analytics.resync");

    private final String value;

    private RealtimeEventType(String value) {
        this.value = value;
    }

    /** The value for this string, known or not (as given, trimmed). */
    @JsonCreator
    public static RealtimeEventType of(String value) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException("realtimeEventType must not be null or blank");
        }
        return new RealtimeEventType(value.trim());
    }

    /** The wire value. */
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RealtimeEventType && (((RealtimeEventType) o).value.equals(value));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
