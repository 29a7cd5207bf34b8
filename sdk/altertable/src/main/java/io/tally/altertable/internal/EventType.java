package io.tally.altertable.internal;

/** The three kinds of payload and the endpoint each is sent to. */
public enum EventType {
    TRACK("track"),
    IDENTIFY("identify"),
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
    public static EventType fromWireName(String name) {
        for (EventType t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
