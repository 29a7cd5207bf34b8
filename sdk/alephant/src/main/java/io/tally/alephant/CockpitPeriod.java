package io.tally.alephant;

/** The Cockpit API's {@code period}. */
public enum CockpitPeriod {
    /** {@code 24h}. */
    LAST_24_HOURS("24h"),
    /** {@code 7d}. */
    LAST_7_DAYS("7d"),
    /** {@code 30d}. */
    LAST_30_DAYS("30d"),
    /** {@code billing_cycle}. */
    BILLING_CYCLE("billing_cycle");

    private final String wire;

    CockpitPeriod(String wire) {
        this.wire = wire;
    }

    /** The value as sent. */
    public String wire() {
        return wire;
    }

    /** The enum constant for a value as sent, e.g. {@code 24h}. */
    public static CockpitPeriod fromWire(String value) {
        for (CockpitPeriod v : values()) {
            if (v.wire.equals(value)) {
                return v;
            }
        }
        throw new IllegalArgumentException(
                "cockpitPeriod must be one of 24h, 7d, 30d, billing_cycle, got '" + value + "'");
    }

    @Override
    public String toString() {
        return wire;
    }
}
