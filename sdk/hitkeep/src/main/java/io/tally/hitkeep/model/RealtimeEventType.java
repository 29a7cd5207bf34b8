package io.tally.hitkeep.model;

import io.tally.core.OpenValue;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The type of a realtime event: {@code analytics.changed} (new data arrived) or {@code analytics.resync}
 * (the stream missed events: reload everything). Open: other event names are passed through.
 */
public final class RealtimeEventType extends OpenValue {
    /** New data arrived for the kinds listed in the event. */
    public static final RealtimeEventType ANALYTICS_CHANGED = new RealtimeEventType("analytics.changed");
    /** Events were missed; reload every view of the site. */
    public static final RealtimeEventType ANALYTICS_RESYNC = new RealtimeEventType("analytics.resync");

    private RealtimeEventType(String value) {
        super(value);
    }

    /** The value for this string, known or not (as given, trimmed). */
    @JsonCreator
    public static RealtimeEventType of(String value) {
        return new RealtimeEventType(OpenValue.trimmed(value, "realtimeEventType"));
    }
}
