package io.tally.altertable;

import io.tally.altertable.internal.Payloads;
import java.time.Instant;

/**
 * The optional part of {@link Altertable#alias(String, String, AliasOptions)}: the time of the
 * merge. Immutable.
 */
public final class AliasOptions {
    private static final AliasOptions NONE = builder().build();

    private final Instant timestamp;

    private AliasOptions(Builder b) {
        this.timestamp = b.timestamp;
    }

    /** No options: the current time. */
    public static AliasOptions none() {
        return NONE;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** When the alias was made, or {@code null} for the time {@code alias} is called. */
    public Instant timestamp() {
        return timestamp;
    }

    @Override
    public String toString() {
        return "AliasOptions[timestamp=" + timestamp + "]";
    }

    /** Builder for {@link AliasOptions}. */
    public static final class Builder {
        private Instant timestamp;

        private Builder() {}

        /** When the alias was made; sent as ISO 8601 UTC with milliseconds. */
        public Builder timestamp(Instant timestamp) {
            this.timestamp = Payloads.timestamp("timestamp", timestamp);
            return this;
        }

        /** As ISO 8601 with an offset. */
        public Builder timestamp(String iso8601) {
            this.timestamp = Payloads.parseTimestamp("timestamp", iso8601);
            return this;
        }

        /** In Unix epoch seconds. */
        public Builder timestampEpochSeconds(long epochSeconds) {
            this.timestamp = Payloads.epochSeconds("timestampEpochSeconds", epochSeconds);
            return this;
        }

        /** The options; the builder can go on being used. */
        public AliasOptions build() {
            return new AliasOptions(this);
        }
    }
}
