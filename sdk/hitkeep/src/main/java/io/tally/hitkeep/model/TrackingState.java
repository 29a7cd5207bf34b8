package io.tally.hitkeep.model;

import io.tally.core.OpenValue;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Whether a site receives data: {@code waiting} (nothing yet), {@code live}, {@code dormant} (nothing
 * lately) or {@code domain_mismatch} (hits arrive from another host).
 */
public final class TrackingState extends OpenValue {
    /** No hit has arrived yet. */
    public static final TrackingState WAITING = new TrackingState("waiting");
    /** Hits arrive. */
    public static final TrackingState LIVE = new TrackingState("live");
    /** Hits arrived before but not lately. */
    public static final TrackingState DORMANT = new TrackingState("dormant");
    /** Hits arrive from a host other than the site's domain. */
    public static final TrackingState DOMAIN_MISMATCH = new TrackingState("domain_mismatch");

    private TrackingState(String value) {
        super(value);
    }

    /** The value for this string, known or not (lower-cased, trimmed). */
    @JsonCreator
    public static TrackingState of(String value) {
        return new TrackingState(OpenValue.lowerCase(value, "trackingState"));
    }
}
