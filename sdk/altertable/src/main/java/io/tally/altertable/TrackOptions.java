package io.tally.altertable;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
    private final @Nullable String anonymousId;
    private final @Nullable String deviceId;
    private final @Nullable Instant timestamp;

    private TrackOptions(Builder b) {
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.entries));
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
    public @Nullable String anonymousId() {
        return anonymousId;
    }

    /** A stable device id, or {@code null}. */
    public @Nullable String deviceId() {
        return deviceId;
    }

    /** When the event happened, or {@code null} for the time {@code track} is called. */
    public @Nullable Instant timestamp() {
        return timestamp;
    }

    @Override
    public String toString() {
        return "TrackOptions[properties=" + properties.keySet() + ", anonymousId=" + anonymousId + ", deviceId="
                + deviceId + ", timestamp=" + timestamp + "]";
    }

    /**
     * Builder for {@link TrackOptions}. Besides {@link #property} and {@link #properties}: {@code anonymousId} (the
     * previous anonymous id of this user, linking pre-login activity), {@code deviceId}, and the time the event
     * happened as an {@code Instant}, an ISO 8601 string with an offset, or epoch seconds.
     */
    public static final class Builder extends UserOptionsBuilder<Builder> {
        private Builder() {}

        /**
         * Adds one property. Values may be strings, numbers, booleans, {@code null}, maps,
         * collections, arrays, {@code java.time} values (sent as ISO 8601), enums (sent by name);
         * anything else is sent as its {@code toString()}. A key of your own wins over the
         * library's {@code $lib}, {@code $lib_version} and {@code $release}.
         */
        public Builder property(String key, @Nullable Object value) {
            return put("property", key, value);
        }

        /** Adds every entry of {@code properties} ({@code null} adds nothing). */
        public Builder properties(@Nullable Map<String, ?> properties) {
            return putAll("property", properties);
        }

        /** The options; the builder can go on being used. */
        public TrackOptions build() {
            return new TrackOptions(this);
        }
    }
}
