package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The workspace budget-control policy ({@code {config: {amount, exceededAction, period, thresholds, currency}}}); {@code amount} is in dollars.
 */
public final class BudgetPolicy extends AlephantObject {
    /** Wraps a payload as received. */
    public BudgetPolicy(JsonNode json) {
        super(json);
    }

    private JsonNode config() {
        JsonNode c = node("config");
        return c == null ? json() : c;
    }

    /** The budget ({@code amount}, dollars), or {@code null}. */
    public @Nullable Money amount() {
        java.math.BigDecimal v = decimalOf(config().get("amount"));
        return v == null ? null : Money.ofDollars(v);
    }

    /** {@code alert-only} or {@code pause} (or a newer value), or {@code null}. */
    public @Nullable String exceededAction() {
        JsonNode v = config().get("exceededAction");
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The period, e.g. {@code monthly}, or {@code null}. */
    public @Nullable String period() {
        JsonNode v = config().get("period");
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Alert thresholds in percent. */
    public List<Integer> thresholds() {
        return listOf(config().get("thresholds"), JsonNode::asInt);
    }

    /** The currency, e.g. {@code USD}, or {@code null}. */
    public @Nullable String currency() {
        JsonNode v = config().get("currency");
        return v == null || v.isNull() ? null : v.asText();
    }
}
