package io.tally.altertable;

import io.tally.altertable.internal.Payloads;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the builders of {@link TrackOptions} and {@link IdentifyOptions} share besides the time: the ids of the
 * anonymous visitor and of the device, checked here, and the caller's map (the event's properties or the user's
 * traits), kept in the order given.
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class UserOptionsBuilder<B extends UserOptionsBuilder<B>> extends OptionsBuilder<B> {
    final Map<String, Object> entries = new LinkedHashMap<>();
    @Nullable
    String anonymousId;
    @Nullable
    String deviceId;

    UserOptionsBuilder() {}

    /**
     * The id the user had while anonymous, sent as {@code anonymous_id}: on a track it links the pre-login
     * activity to the distinct id, on an identify that history merges into the user.
     *
     * @throws IllegalArgumentException if the id is blank or longer than 1024 characters ({@code null} unsets it)
     */
    public B anonymousId(@Nullable String anonymousId) {
        this.anonymousId = Payloads.optionalId("anonymousId", anonymousId);
        return self();
    }

    /**
     * A stable id of the device, sent as {@code device_id}.
     *
     * @throws IllegalArgumentException if the id is blank or longer than 1024 characters ({@code null} unsets it)
     */
    public B deviceId(@Nullable String deviceId) {
        this.deviceId = Payloads.optionalId("deviceId", deviceId);
        return self();
    }

    /** Adds one entry to the map; {@code noun} names it in the message for a {@code null} key. */
    final B put(String noun, @Nullable String key, @Nullable Object value) {
        if (key == null) {
            throw new IllegalArgumentException(noun + " key must not be null");
        }
        entries.put(key, value);
        return self();
    }

    /** Adds every entry of {@code map} ({@code null} adds nothing). */
    final B putAll(String noun, @Nullable Map<String, ?> map) {
        if (map != null) {
            for (Map.Entry<String, ?> e : map.entrySet()) {
                put(noun, e.getKey(), e.getValue());
            }
        }
        return self();
    }
}
