package io.tally.altertable;

import io.tally.altertable.internal.Payloads;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The setters every options builder has ({@link TrackOptions.Builder}, {@link IdentifyOptions.Builder},
 * {@link AliasOptions.Builder}): the time of the payload, in three spellings, each checked here before it is
 * kept.
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class OptionsBuilder<B extends OptionsBuilder<B>> {
    @Nullable
    Instant timestamp;

    OptionsBuilder() {}

    /**
     * When it happened; sent as ISO 8601 UTC with milliseconds. Unset, the time of the call is used.
     *
     * @throws IllegalArgumentException if {@code timestamp} is {@code null} or outside the years 0000 to 9999
     */
    public B timestamp(Instant timestamp) {
        this.timestamp = Payloads.timestamp("timestamp", timestamp);
        return self();
    }

    /**
     * When it happened, as ISO 8601 with an offset and any precision, e.g. {@code 2026-06-15T14:30:00+02:00}.
     *
     * @throws IllegalArgumentException if {@code iso8601} is not such a date-time (one without an offset included)
     */
    public B timestamp(String iso8601) {
        this.timestamp = Payloads.parseTimestamp("timestamp", iso8601);
        return self();
    }

    /**
     * When it happened, in Unix epoch seconds (converted to ISO 8601 before sending).
     *
     * @throws IllegalArgumentException if the value is after the year 9999, as milliseconds would be
     */
    public B timestampEpochSeconds(long epochSeconds) {
        this.timestamp = Payloads.epochSeconds("timestampEpochSeconds", epochSeconds);
        return self();
    }

    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }
}
