package io.tally.altertable;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Whether the user allowed tracking, as {@link AltertableMobile} applies it (the mobile tier's
 * {@code trackingConsent}).
 */
public enum TrackingConsent {
    /** Payloads are sent. The default. */
    GRANTED,
    /** Payloads are built and kept (in storage, at most 1000, oldest dropped) until consent is granted. */
    PENDING,
    /** The user dismissed the prompt: treated like {@link #PENDING}. */
    DISMISSED,
    /** Payloads are dropped, and those kept while pending are discarded. */
    DENIED;

    /** {@code granted}, {@code pending}, {@code dismissed} or {@code denied}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The consent with this wire name, or {@code null}. */
    static @Nullable TrackingConsent fromWireName(@Nullable String name) {
        for (TrackingConsent c : values()) {
            if (c.wireName().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
