package io.tally.altertable;

import io.tally.altertable.internal.Payloads;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The optional parts of {@link Altertable#identify(String, IdentifyOptions)}: traits, the anonymous
 * id to merge into the user, the device id and the time. Immutable; every field is optional.
 *
 * <pre>{@code
 * altertable.identify("user-42", IdentifyOptions.builder()
 *     .trait("email", "ada@example.com")
 *     .trait("plan", "pro")
 *     .anonymousId(anonymousIdFromCookie)
 *     .build());
 * }</pre>
 */
public final class IdentifyOptions {
    private static final IdentifyOptions NONE = builder().build();

    private final Map<String, Object> traits;
    private final String anonymousId;
    private final String deviceId;
    private final Instant timestamp;

    private IdentifyOptions(Builder b) {
        this.traits = Collections.unmodifiableMap(new LinkedHashMap<>(b.traits));
        this.anonymousId = b.anonymousId;
        this.deviceId = b.deviceId;
        this.timestamp = b.timestamp;
    }

    /** No options. */
    public static IdentifyOptions none() {
        return NONE;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The user's traits (never {@code null}); merged shallowly into the traits Altertable has. */
    public Map<String, Object> traits() {
        return traits;
    }

    /** The anonymous id to merge into this user, or {@code null}. */
    public String anonymousId() {
        return anonymousId;
    }

    /** A stable device id, or {@code null}. */
    public String deviceId() {
        return deviceId;
    }

    /** When the identification happened, or {@code null} for the time {@code identify} is called. */
    public Instant timestamp() {
        return timestamp;
    }

    @Override
    public String toString() {
        return "IdentifyOptions[traits=" + traits.keySet() + ", anonymousId=" + anonymousId + ", deviceId=" + deviceId
                + ", timestamp=" + timestamp + "]";
    }

    /** Builder for {@link IdentifyOptions}. */
    public static final class Builder {
        private final Map<String, Object> traits = new LinkedHashMap<>();
        private String anonymousId;
        private String deviceId;
        private Instant timestamp;

        private Builder() {}

        /** Adds one trait; values are converted as for {@link TrackOptions.Builder#property}. */
        public Builder trait(String key, Object value) {
            if (key == null) {
                throw new IllegalArgumentException("trait key must not be null");
            }
            traits.put(key, value);
            return this;
        }

        /** Adds every entry of {@code traits} ({@code null} adds nothing). */
        public Builder traits(Map<String, ?> traits) {
            if (traits != null) {
                for (Map.Entry<String, ?> e : traits.entrySet()) {
                    trait(e.getKey(), e.getValue());
                }
            }
            return this;
        }

        /** The anonymous id this user had before, sent as {@code anonymous_id}: its history merges into the user. */
        public Builder anonymousId(String anonymousId) {
            this.anonymousId = Payloads.optionalId("anonymousId", anonymousId);
            return this;
        }

        /** A stable id of the device, sent as {@code device_id}. */
        public Builder deviceId(String deviceId) {
            this.deviceId = Payloads.optionalId("deviceId", deviceId);
            return this;
        }

        /** When the identification happened. */
        public Builder timestamp(Instant timestamp) {
            this.timestamp = Payloads.timestamp("timestamp", timestamp);
            return this;
        }

        /** When the identification happened, as ISO 8601 with an offset. */
        public Builder timestamp(String iso8601) {
            this.timestamp = Payloads.parseTimestamp("timestamp", iso8601);
            return this;
        }

        /** When the identification happened, in Unix epoch seconds. */
        public Builder timestampEpochSeconds(long epochSeconds) {
            this.timestamp = Payloads.epochSeconds("timestampEpochSeconds", epochSeconds);
            return this;
        }

        /** The options; the builder can go on being used. */
        public IdentifyOptions build() {
            return new IdentifyOptions(this);
        }
    }
}
