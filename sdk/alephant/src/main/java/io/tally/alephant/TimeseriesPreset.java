package io.tally.alephant;

/** The {@code preset} of {@code /analytics/usage/timeseries}. */
public enum TimeseriesPreset {
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

    TimeseriesPreset(String wire) {
        this.wire = wire;
    }

    /** The value as sent. */
    public String wire() {
        return wire;
    }

    /** The enum constant for a value as sent, e.g. {@code 7d}. */
    public static TimeseriesPreset fromWire(String value) {
        for (TimeseriesPreset v : values()) {
            if (v.wire.equals(value)) {
                return v;
            }
        }
        throw new IllegalArgumentException("timeseriesPreset must be one of 7d, 30d, 3m, 6m, 12m, got '" + value + "'");
    }

    @Override
    public String toString() {
        return wire;
    }
}
