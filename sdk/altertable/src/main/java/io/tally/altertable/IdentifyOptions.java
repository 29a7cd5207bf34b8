package io.tally.altertable;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
    private final @Nullable String anonymousId;
    private final @Nullable String deviceId;
    private final @Nullable Instant timestamp;

    private IdentifyOptions(Builder b) {
        this.traits = Collections.unmodifiableMap(new LinkedHashMap<>(b.entries));
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
    public @Nullable String anonymousId() {
        return anonymousId;
    }

    /** A stable device id, or {@code null}. */
    public @Nullable String deviceId() {
        return deviceId;
    }

    /** When the identification happened, or {@code null} for the time {@code identify} is called. */
    public @Nullable Instant timestamp() {
        return timestamp;
    }

    @Override
    public String toString() {
        return "IdentifyOptions[traits=" + traits.keySet() + ", anonymousId=" + anonymousId + ", deviceId=" + deviceId
                + ", timestamp=" + timestamp + "]";
    }

    /**
     * Builder for {@link IdentifyOptions}. Besides {@link #trait} and {@link #traits}: {@code anonymousId} (the
     * anonymous id whose history merges into the user), {@code deviceId}, and the time of the identification as
     * an {@code Instant}, an ISO 8601 string with an offset, or epoch seconds.
     */
    public static final class Builder extends UserOptionsBuilder<Builder> {
        private Builder() {}

        /** Adds one trait; values are converted as for {@link TrackOptions.Builder#property}. */
        public Builder trait(String key, @Nullable Object value) {
            return put("trait", key, value);
        }

        /** Adds every entry of {@code traits} ({@code null} adds nothing). */
        public Builder traits(@Nullable Map<String, ?> traits) {
            return putAll("trait", traits);
        }

        /** The options; the builder can go on being used. */
        public IdentifyOptions build() {
            return new IdentifyOptions(this);
        }
    }
}
