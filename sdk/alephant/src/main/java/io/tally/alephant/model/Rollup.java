package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Rollup values of an atomic Analytics API route; they arrive as numeric strings (e.g. {@code "cost_sum": "12.5"}) and are parsed.
 */
public final class Rollup extends AlephantObject {
    /** Wraps a payload as received. */
    public Rollup(JsonNode json) {
        super(json);
    }

    /** {@code request_count}, or {@code null}. */
    public Long requestCount() {
        return whole("request_count", "requestCount");
    }

    /** {@code cost_sum} (dollars, numeric string), or {@code null}. */
    public Money cost() {
        return money(Money.Unit.USD_DOLLAR_STRING, "cost_sum", "costSum");
    }

    /** Any other rollup value as a decimal, or {@code null}. */
    public java.math.BigDecimal value(String name) {
        return decimal(name);
    }
}
