package io.tally.alephant;

/** The metric of {@code /analytics/usage/timeseries}. */
public enum TimeseriesMetric {
    /** {@code cost}. */
    COST("cost"),
    /** {@code requests}. */
    REQUESTS("requests"),
    /** {@code tokens}. */
    TOKENS("tokens"),
    /** {@code avg_cost_per_req}. */
    AVG_COST_PER_REQUEST("avg_cost_per_req"),
    /** {@code success_rate}. */
    SUCCESS_RATE("success_rate"),
    /** {@code latency}. */
    LATENCY("latency");

    private final String wire;

    TimeseriesMetric(String wire) {
        this.wire = wire;
    }

    /** The value as sent. */
    public String wire() {
        return wire;
    }

    /** The enum constant for a value as sent, e.g. {@code cost}. */
    public static TimeseriesMetric fromWire(String value) {
        for (TimeseriesMetric v : values()) {
            if (v.wire.equals(value)) {
                return v;
            }
        }
        throw new IllegalArgumentException(
                "timeseriesMetric must be one of cost, requests, tokens, avg_cost_per_req, success_rate, latency, got '"
                        + value + "'");
    }

    @Override
    public String toString() {
        return wire;
    }
}
