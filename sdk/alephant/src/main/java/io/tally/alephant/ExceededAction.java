package io.tally.alephant;

/** What the workspace budget-control policy does when exceeded. */
public enum ExceededAction {
    /** {@code alert-only}. */
    ALERT_ONLY("alert-only"),
    /** {@code pause}. */
    PAUSE("pause");

    private final String wire;

    ExceededAction(String wire) {
        this.wire = wire;
    }

    /** The value as sent. */
    public String wire() {
        return wire;
    }

    /** The enum constant for a value as sent, e.g. {@code alert-only}. */
    public static ExceededAction fromWire(String value) {
        for (ExceededAction v : values()) {
            if (v.wire.equals(value)) {
                return v;
            }
        }
        throw new IllegalArgumentException("exceededAction must be one of alert-only, pause, got '" + value + "'");
    }

    @Override
    public String toString() {
        return wire;
    }
}
