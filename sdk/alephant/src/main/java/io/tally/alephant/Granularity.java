package io.tally.alephant;

/** The granularity of a series: {@code day} (default) or {@code hour}. */
public enum Granularity {
    /** {@code day}. */
    DAY("day"),
    /** {@code hour}. */
    HOUR("hour");

    private final String wire;

    Granularity(String wire) {
        this.wire = wire;
    }

    /** The value as sent. */
    public String wire() {
        return wire;
    }

    /** The enum constant for a value as sent, e.g. {@code day}. */
    public static Granularity fromWire(String value) {
        for (Granularity v : values()) {
            if (v.wire.equals(value)) {
                return v;
            }
        }
        throw new IllegalArgumentException("granularity must be one of day, hour, got '" + value + "'");
    }

    @Override
    public String toString() {
        return wire;
    }
}
