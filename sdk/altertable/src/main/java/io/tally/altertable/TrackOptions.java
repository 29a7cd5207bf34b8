package io.tally.altertable;

import io.tally.altertable.internal.Payloads;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The optional parts of {@link Altertable#track(String, String, TrackOptions)}: properties, the
 * anonymous id to link, the device id and the time the event happened. Immutable; every field is
 * optional.
 *
 * <pre>{@code
 * altertable.track("Checkout Completed", "user-42", TrackOptions.builder()
 *     .property("order_total", 99.99)
 *     .property("currency", "EUR")
 *     .anonymousId("anonymous-3f2c…")      // links pre-login activity to user-42
 *     .timestamp(order.completedAt())
 *     .build());
 * }</pre>
 */
public final class TrackOptions {
    private static final TrackOptions NONE = builder().build();

    private final Map<String, Object> properties;
    private final String anonymousId;
    private final String deviceId;
    private final Instant timestamp;

    private TrackOptions(Builder b) {
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
        this.anonymousId = b.anonymousId;
        this.deviceId = b.deviceId;
        this.timestamp = b.timestamp;
    }

    /** No options: no properties, the current time. */
    public static TrackOptions none() {
        return NONE;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The event's properties (never {@code null}; empty when none were given). */
    public Map<String, Object> properties() {
        return properties;
    }

    /** The previous anonymous id to link to the distinct id, or {@code null}. */
    public String anonymousId() {
        return anonymousId;
    }

    /** A stable device id, or {@code null}. */
    public String deviceId() {
        return deviceId;
    }

    /** When the event happened, or {@code null} for the time {@code track} is called. */
    public Instant timestamp() {
        return timestamp;
    }

    @Override
    public String toString() {
        return "TrackOptions[properties=" + properties.keySet() + ", anonymousId=" + anonymousId + ", deviceId="
                + deviceId + ", timestamp=" + timestamp + "]";
    }

    /** Builder for {@link TrackOptions}. */
    public static final class Builder {
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private String anonymousId;
        private String deviceId;
        private Instant timestamp;

        private Builder() {}

        /**
         * Adds one property. Values may be strings, numbers, booleans, {@code null}, maps,
         * collections, arrays, {@code java.time} values (sent as ISO 8601), enums (sent by name);
         * anything else is sent as its {@code toString()}. A key of your own wins over the
         * library's {@code $lib}, {@code $lib_version} and {@code $release}.
         */
        public Builder property(String key, Object value) {
            if (key == null) {
                throw new IllegalArgumentException("property key must not be null");
            }
            properties.put(key, value);
            return this;
        }

        /** Adds every entry of {@code properties} ({@code null} adds nothing). */
        public Builder properties(Map<String, ?> properties) {
            if (properties != null) {
                for (Map.Entry<String, ?> e : properties.entrySet()) {
                    property(e.getKey(), e.getValue());
                }
            }
            return this;
        }

        /** The previous anonymous id of this user, sent as {@code anonymous_id} to link pre-login activity. */
        public Builder anonymousId(String anonymousId) {
            this.anonymousId = Payloads.optionalId("anonymousId", anonymousId);
            return this;
        }

        /** A stable id of the device, sent as {@code device_id}. */
        public Builder deviceId(String deviceId) {
            this.deviceId = Payloads.optionalId("deviceId", deviceId);
            return this;
        }

        /** When the event happened; sent as ISO 8601 UTC with milliseconds. */
        public Builder timestamp(Instant timestamp) {
            this.timestamp = Payloads.timestamp("timestamp", timestamp);
            return this;
        }

        /** When the event happened, as ISO 8601 with an offset, e.g. {@code 2026-06-15T14:30:00+02:00}. */
        public Builder timestamp(String iso8601) {
            this.timestamp = Payloads.parseTimestamp("timestamp", iso8601);
            return this;
        }

        /** When the event happened, in Unix epoch seconds (converted to ISO 8601 before sending). */
        public Builder timestampEpochSeconds(long epochSeconds) {
            this.timestamp = Payloads.epochSeconds("timestampEpochSeconds", epochSeconds);
            return this;
        }

        /** The options; the builder can go on being used. */
        public TrackOptions build() {
            return new TrackOptions(this);
        }
    }
}
