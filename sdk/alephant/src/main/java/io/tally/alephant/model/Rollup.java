package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Rollup values of an atomic Analytics API route; they arrive as numeric strings (e.g. {@code "cost_sum": "12.5"}) and are parsed.
 */
public final class Rollup extends AlephantObject {
    /** Wraps a payload as received. */
    public Rollup(@Nullable JsonNode json) {
        super(json);
    }

    /** {@code request_count}, or {@code null}. */
    public @Nullable Long requestCount() {
        return whole("request_count", "requestCount");
    }

    /** {@code cost_sum} (dollars, numeric string), or {@code null}. */
    public @Nullable Money cost() {
        return money(Money.Unit.USD_DOLLAR_STRING, "cost_sum", "costSum");
    }

    /** Any other rollup value as a decimal, or {@code null}. */
    public java.math.@Nullable BigDecimal value(String name) {
        return decimal(name);
    }
}
