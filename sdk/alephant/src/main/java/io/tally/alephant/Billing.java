package io.tally.alephant;

import io.tally.alephant.AlephantRequest.Host;
import io.tally.alephant.model.AlephantData;
import io.tally.alephant.model.BudgetPolicy;
import io.tally.alephant.model.Money;
import io.tally.alephant.model.Subscription;
import io.tally.core.ConflictException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The subscription and the workspace's budget-control policy (writing it needs a PAT with scope {@code admin}). */
public final class Billing extends Resource {
    /** Thresholds set when the stored policy has none, as the official MCP server does. */
    public static final List<Integer> DEFAULT_THRESHOLDS = java.util.Collections
            .unmodifiableList(Arrays.asList(50, 75, 90, 100));

    Billing(Alephant client) {
        super(client);
    }

    /** {@code GET /api/v1/subscriptions/current}. */
    public AlephantCall<Subscription> subscription() {
        return call(Host.SAAS, Access.WORKSPACE, "GET", "/api/v1/subscriptions/current", Subscription::new);
    }

    /** {@code GET /api/v1/subscriptions/log-usage}: the request count of the billing cycle. */
    public AlephantCall<AlephantData> logUsage() {
        return call(Host.SAAS, Access.WORKSPACE, "GET", "/api/v1/subscriptions/log-usage", AlephantData::new);
    }

    /** {@code GET /api/v1/policies/budget-control}. */
    public AlephantCall<BudgetPolicy> budgetPolicy() {
        return call(Host.SAAS, Access.WORKSPACE, "GET", "/api/v1/policies/budget-control", BudgetPolicy::new);
    }

    /**
     * {@code PUT /api/v1/policies/budget-control} with the whole policy. Alephant answers 409 when
     * another update came first; {@link #setBudget} handles that.
     *
     * @param amount     the budget (sent in dollars)
     * @param action     what happens when exceeded
     * @param period     e.g. {@code monthly}
     * @param thresholds alert thresholds in percent, each 1–100
     * @param currency   e.g. {@code USD}
     */
    public AlephantCall<BudgetPolicy> putBudgetPolicy(Money amount, ExceededAction action, String period,
            List<Integer> thresholds,
            String currency) {
        if (amount == null || amount.dollars().signum() < 0) {
            throw new IllegalArgumentException("amount must be 0 or more, got " + amount);
        }
        Objects.requireNonNull(action, "action");
        if (period == null || period.trim().isEmpty()) {
            throw new IllegalArgumentException("period must be e.g. monthly, got a blank value");
        }
        if (currency == null || currency.trim().isEmpty()) {
            throw new IllegalArgumentException("currency must be e.g. USD, got a blank value");
        }
        for (Integer t : Objects.requireNonNull(thresholds, "thresholds")) {
            if (t == null || t < 1 || t > 100) {
                throw new IllegalArgumentException("thresholds must be percentages between 1 and 100, got " + t);
            }
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("amount", amount.dollarsForWrite());
        config.put("exceededAction", action.wire());
        config.put("period", period);
        config.put("thresholds", new ArrayList<>(thresholds));
        config.put("currency", currency);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("config", config);
        return call(Host.SAAS, Access.WORKSPACE, "PUT", "/api/v1/policies/budget-control", BudgetPolicy::new)
                .body(body);
    }

    /**
     * Sets the budget and the exceeded action, keeping the rest of the policy: reads it, fills
     * {@code period monthly}, thresholds {@link #DEFAULT_THRESHOLDS} and currency {@code USD} when
     * absent, writes it, and on 409 (a concurrent update) reads again and writes once more.
     *
     * @throws ConflictException when the second write conflicts too
     */
    public BudgetPolicy setBudget(Money amount, ExceededAction action) {
        Objects.requireNonNull(action, "action");
        if (amount == null || amount.dollars().signum() < 0) {
            throw new IllegalArgumentException("amount must be 0 or more, got " + amount);
        }
        try {
            return writeOver(budgetPolicy().execute(), amount, action);
        } catch (ConflictException first) {
            return writeOver(budgetPolicy().execute(), amount, action);
        }
    }

    private BudgetPolicy writeOver(BudgetPolicy current, Money amount, ExceededAction action) {
        String period = current.period() != null ? current.period() : "monthly";
        List<Integer> thresholds = current.thresholds().isEmpty() ? DEFAULT_THRESHOLDS : current.thresholds();
        String currency = current.currency() != null ? current.currency() : "USD";
        return putBudgetPolicy(amount, action, period, thresholds, currency).execute();
    }
}
