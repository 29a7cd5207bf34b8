package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A virtual key's budget ({@code GET /api/v1/cockpit/budget-status}; MCP types, unverified): amounts in cents.
 */
public final class CockpitBudgetStatus extends CockpitResult {
    /** Wraps a whole response body as received. */
    public CockpitBudgetStatus(JsonNode body) {
        super(body);
    }

    /** The budget ({@code budgetCents}), or {@code null}. */
    public @Nullable Money budget() {
        return money(Money.Unit.USD_CENTS, "budgetCents", "budget_cents");
    }

    /** Spent ({@code spentCents}), or {@code null}. */
    public @Nullable Money spent() {
        return money(Money.Unit.USD_CENTS, "spentCents", "spent_cents");
    }

    /** Remaining ({@code remainingCents}), or {@code null}. */
    public @Nullable Money remaining() {
        return money(Money.Unit.USD_CENTS, "remainingCents", "remaining_cents");
    }

    /** Percent of the budget used, or {@code null}. */
    public java.math.@Nullable BigDecimal percentUsed() {
        return decimal("percentUsed", "percent_used");
    }

    /** What happens when exceeded, or {@code null}. */
    public @Nullable String exceededAction() {
        return text("exceededAction", "exceeded_action");
    }

    /** The period as sent, or {@code null}. */
    public @Nullable String period() {
        return text("period");
    }
}
