package io.tally.altertable.internal;

import org.jspecify.annotations.Nullable;

/** The three kinds of payload and the endpoint each is sent to. */
public enum EventType {
    /** An event for {@code POST /track}. */
    TRACK("track"),
    /** A user's traits for {@code POST /identify}. */
    IDENTIFY("identify"),
    /** A link between two distinct ids for {@code POST /alias}. */
    ALIAS("alias");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** {@code track}, {@code identify} or {@code alias}. */
    public String wireName() {
        return wireName;
    }

    /** {@code /track}, {@code /identify} or {@code /alias}. */
    public String path() {
        return "/" + wireName;
    }

    /** The type with this wire name, or {@code null}. */
    public static @Nullable EventType fromWireName(String name) {
        for (EventType t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
