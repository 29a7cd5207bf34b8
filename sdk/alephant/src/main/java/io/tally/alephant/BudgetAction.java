package io.tally.alephant;

/** What a virtual key does when its budget is exceeded. */
public enum BudgetAction {
    /** {@code alert-only}. */
    ALERT_ONLY("alert-only"),
    /** {@code block}. */
    BLOCK("block");

    private final String wire;

    BudgetAction(String wire) {
        this.wire = wire;
    }

    /** The value as sent. */
    public String wire() {
        return wire;
    }

    /** The enum constant for a value as sent, e.g. {@code alert-only}. */
    public static BudgetAction fromWire(String value) {
        for (BudgetAction v : values()) {
            if (v.wire.equals(value)) {
                return v;
            }
        }
        throw new IllegalArgumentException("budgetAction must be one of alert-only, block, got '" + value + "'");
    }

    @Override
    public String toString() {
        return wire;
    }
}
