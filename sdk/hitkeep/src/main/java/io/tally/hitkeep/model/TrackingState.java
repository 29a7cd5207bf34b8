package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Whether a site receives data: {@code waiting} (nothing yet), {@code live}, {@code dormant} (nothing
 * lately) or {@code domain_mismatch} (hits arrive from another host).
 */
public final class TrackingState {
    /** No hit has arrived yet. */
    public static final TrackingState WAITING = new TrackingState("waiting");
    /** Hits arrive. */
    public static final TrackingState LIVE = new TrackingState("live");
    /** Hits arrived before but not lately. */
    public static final TrackingState DORMANT = new TrackingState("dormant");
    /** Hits arrive from a host other than the site's domain. */
    public static final TrackingState DOMAIN_MISMATCH = new TrackingState("domain_mismatch");

    private final String value;

    private TrackingState(String value) {
        this.value = value;
    }

    /** The value for this string, known or not (lower-cased, trimmed). */
    @JsonCreator
    public static TrackingState of(String value) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException("trackingState must not be null or blank");
        }
        return new TrackingState(value.trim().toLowerCase(Locale.ROOT));
    }

    /** The wire value. */
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrackingState && (((TrackingState) o).value.equals(value));
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
