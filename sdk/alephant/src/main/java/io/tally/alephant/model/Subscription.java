package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The current subscription ({@code GET /api/v1/subscriptions/current}; shape from the official MCP server's types, unverified).
 */
public final class Subscription extends AlephantObject {
    /** Wraps a payload as received. */
    public Subscription(JsonNode json) {
        super(json);
    }

    /** The plan, or {@code null}. */
    public @Nullable String plan() {
        return text("plan");
    }

    /** The status, or {@code null}. */
    public @Nullable String status() {
        return text("status");
    }

    /** Billing cycle start as sent, or {@code null}. */
    public @Nullable String billingCycleStart() {
        return text("billingCycleStart", "billing_cycle_start");
    }

    /** Billing cycle end as sent, or {@code null}. */
    public @Nullable String billingCycleEnd() {
        return text("billingCycleEnd", "billing_cycle_end");
    }

    /** The quota ({@code quotaCents}, cents), or {@code null}. */
    public @Nullable Money quota() {
        return money(Money.Unit.USD_CENTS, "quotaCents", "quota_cents");
    }

    /** Used so far ({@code usedCents}, cents), or {@code null}. */
    public @Nullable Money used() {
        return money(Money.Unit.USD_CENTS, "usedCents", "used_cents");
    }
}
