package io.tally.engagetrack.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.tally.core.OpenValue;

/** The type of an ingested event. Open: {@link #of(String)} accepts values a newer EngageTrack adds. */
public final class EventType extends OpenValue {
    /** A page view. */
    public static final EventType PAGEVIEW = new EventType("pageview");
    /** A click. */
    public static final EventType CLICK = new EventType("click");
    /** A form submission. */
    public static final EventType FORM_SUBMIT = new EventType("form_submit");
    /** A download. */
    public static final EventType DOWNLOAD = new EventType("download");
    /** An outbound link. */
    public static final EventType OUTBOUND = new EventType("outbound");
    /** A purchase (with revenue, currency, order id). */
    public static final EventType PURCHASE = new EventType("purchase");
    /** A custom event (with an event name). */
    public static final EventType CUSTOM = new EventType("custom");

    private EventType(String value) {
        super(value);
    }

    /**
     * The value with this wire form; trimmed and lower-cased.
     *
     * @throws IllegalArgumentException when it is blank
     */
    @JsonCreator
    public static EventType of(String value) {
        return new EventType(
                lowerCase(value, "event type", "pageview, click, form_submit, download, outbound, purchase or custom"));
    }
}
