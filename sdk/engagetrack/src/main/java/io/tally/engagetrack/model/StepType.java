package io.tally.engagetrack.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.tally.core.OpenValue;

/** What a funnel step matches. Open: {@link #of(String)} accepts values a newer EngageTrack adds. */
public final class StepType extends OpenValue {
    /** A page path (the default). */
    public static final StepType PAGEVIEW = new StepType("pageview");
    /** A custom event name. */
    public static final StepType CUSTOM_EVENT = new StepType("custom_event");

    private StepType(String value) {
        super(value);
    }

    /**
     * The value with this wire form; trimmed and lower-cased.
     *
     * @throws IllegalArgumentException when it is blank
     */
    @JsonCreator
    public static StepType of(String value) {
        return new StepType(lowerCase(value, "step type", "pageview or custom_event"));
    }
}
