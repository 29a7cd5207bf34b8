package io.tally.alephant;

import io.tally.alephant.AlephantRequest.Host;
import io.tally.alephant.model.ItemPage;
import io.tally.alephant.model.Money;
import io.tally.alephant.model.VirtualKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Virtual keys. Budgets are written in dollars ({@code budget}) and read in cents
 * ({@code budgetCents}); both are {@link Money} here, converted on the way out. The write routes
 * need a PAT with scope {@code write}.
 */
public final class VirtualKeys extends Resource {
    VirtualKeys(Alephant client) {
        super(client);
    }

    /** {@code GET /api/v1/virtual-keys}: a page of keys. */
    public ListRequest<ItemPage<VirtualKey>> list() {
        return new ListRequest<>(client, "/api/v1/virtual-keys",
                Readers.payload(j -> new ItemPage<>(j, "keys", VirtualKey::new)), false);
    }

    /**
     * {@code POST /api/v1/virtual-keys}: creates a key.
     *
     * @param label        1–100 characters
     * @param masterKeyId  the master key's UUID
     * @param budget       the budget, 0 or more (sent in dollars, 2 decimals)
     * @param rateLimitRpm requests per minute, 1–10000
     */
    public AlephantCall<VirtualKey> create(String label, String masterKeyId, Money budget, int rateLimitRpm) {
        if (label == null || label.trim().isEmpty() || label.length() > 100) {
            throw new IllegalArgumentException("label must be 1 to 100 characters, got "
                    + (label == null ? "null" : label.length() + " characters"));
        }
        String master = uuid("masterKeyId", masterKeyId);
        checkBudget(budget);
        if (rateLimitRpm < 1 || rateLimitRpm > 10000) {
            throw new IllegalArgumentException("rateLimitRpm must be between 1 and 10000, got " + rateLimitRpm);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("label", label);
        body.put("masterKeyId", master);
        body.put("budget", budget.dollarsForWrite());
        body.put("rateLimitRpm", rateLimitRpm);
        return call(Host.SAAS, Access.WORKSPACE, "POST", "/api/v1/virtual-keys", VirtualKey::new).body(body);
    }

    /** {@code PATCH /api/v1/virtual-keys/{id}}: sets the budget (sent in dollars) and what happens when it is exceeded. */
    public AlephantCall<VirtualKey> updateBudget(String keyId, Money budget, BudgetAction action) {
        String id = id("keyId", keyId);
        checkBudget(budget);
        Objects.requireNonNull(action, "action");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("budget", budget.dollarsForWrite());
        body.put("budgetAction", action.wire());
        return call(Host.SAAS, Access.WORKSPACE, "PATCH", "/api/v1/virtual-keys/{id}", VirtualKey::new, id).body(body);
    }

    /** {@code POST /api/v1/virtual-keys/{id}/revoke}: revokes a key (cannot be undone). */
    public AlephantCall<Void> revoke(String keyId) {
        return new AlephantCall<>(client, Host.SAAS, Access.WORKSPACE, "POST", "/api/v1/virtual-keys/{id}/revoke",
                new Object[] {id("keyId", keyId)}, Readers.none());
    }

    private static void checkBudget(Money budget) {
        if (budget == null || budget.dollars().signum() < 0) {
            throw new IllegalArgumentException("budget must be 0 or more, got " + budget);
        }
    }
}
