package io.tally.alephant;

/** The {@code preset} of the Analytics API's atomic routes (default {@code 30d}). */
public enum WindowPreset {
    /** {@code mtd}. */
    MONTH_TO_DATE("mtd"),
    /** {@code 7d}. */
    LAST_7_DAYS("7d"),
    /** {@code 30d}. */
    LAST_30_DAYS("30d"),
    /** {@code 3m}. */
    LAST_3_MONTHS("3m"),
    /** {@code 6m}. */
    LAST_6_MONTHS("6m"),
    /** {@code 12m}. */
    LAST_12_MONTHS("12m");

    private final String wire;

    WindowPreset(String wire) {
        this.wire = wire;
    }

    /** The value as sent. */
    public String wire() {
        return wire;
    }

    /** The enum constant for a value as sent, e.g. {@code mtd}. */
    public static WindowPreset fromWire(String value) {
        for (WindowPreset v : values()) {
            if (v.wire.equals(value)) {
                return v;
            }
        }
        throw new IllegalArgumentException(
                "windowPreset must be one of mtd, 7d, 30d, 3m, 6m, 12m, got '" + value + "'");
    }

    @Override
    public String toString() {
        return wire;
    }
}
