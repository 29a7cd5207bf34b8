package io.tally.altertable;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The optional part of {@link Altertable#alias(String, String, AliasOptions)}: the time of the
 * merge. Immutable.
 */
public final class AliasOptions {
    private static final AliasOptions NONE = builder().build();

    private final @Nullable Instant timestamp;

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
    public @Nullable Instant timestamp() {
        return timestamp;
    }

    @Override
    public String toString() {
        return "AliasOptions[timestamp=" + timestamp + "]";
    }

    /**
     * Builder for {@link AliasOptions}: the time of the merge as an {@code Instant}, an ISO 8601 string with an
     * offset, or epoch seconds.
     */
    public static final class Builder extends OptionsBuilder<Builder> {
        private Builder() {}

        /** The options; the builder can go on being used. */
        public AliasOptions build() {
            return new AliasOptions(this);
        }
    }
}
