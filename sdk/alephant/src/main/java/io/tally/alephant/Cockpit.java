package io.tally.alephant;

import io.tally.alephant.AlephantRequest.Host;
import io.tally.alephant.model.CockpitBudgetStatus;
import io.tally.alephant.model.CockpitData;
import io.tally.alephant.model.CockpitDailyCosts;
import io.tally.alephant.model.CockpitModelCosts;
import io.tally.alephant.model.CockpitRecentRequests;
import io.tally.alephant.model.CockpitScope;
import io.tally.alephant.model.CockpitUsageSummary;

/**
 * The Cockpit API: one virtual key's views ({@code /api/v1/cockpit/…}, a {@code vk-…} bearer, no
 * workspace header). Usage views only have data when the key is bound to an agent or a member
 * (check {@link #scope()}); every result exposes {@code degraded()} and {@code dataSource()}.
 */
public final class Cockpit extends Resource {
    Cockpit(Alephant client) {
        super(client);
    }

    /** {@code GET /api/v1/cockpit/scope}: the key's workspace (usable as {@code X-Workspace-Id}) and bound entity. */
    public AlephantCall<CockpitScope> scope() {
        return call(Host.COCKPIT, Access.VK_ONLY, "GET", "/api/v1/cockpit/scope", CockpitScope::new);
    }

    /** {@code GET /api/v1/cockpit/usage-summary}. */
    public CockpitRequest<CockpitUsageSummary> usageSummary() {
        return new CockpitRequest<>(client, "/api/v1/cockpit/usage-summary",
                reader(Host.COCKPIT, CockpitUsageSummary::new));
    }

    /** {@code GET /api/v1/cockpit/daily-costs}. */
    public CockpitRequest<CockpitDailyCosts> dailyCosts() {
        return new CockpitRequest<>(client, "/api/v1/cockpit/daily-costs",
                reader(Host.COCKPIT, CockpitDailyCosts::new));
    }

    /** {@code GET /api/v1/cockpit/cost-by-model}. */
    public CockpitRequest<CockpitModelCosts> costByModel() {
        return new CockpitRequest<>(client, "/api/v1/cockpit/cost-by-model",
                reader(Host.COCKPIT, CockpitModelCosts::new));
    }

    /** {@code GET /api/v1/cockpit/budget-status}. */
    public CockpitRequest<CockpitBudgetStatus> budgetStatus() {
        return new CockpitRequest<>(client, "/api/v1/cockpit/budget-status",
                reader(Host.COCKPIT, CockpitBudgetStatus::new));
    }

    /** {@code GET /api/v1/cockpit/recent-requests}: {@code limit} 1–100, {@code offset} ≥ 0 (currently always empty and degraded). */
    public LimitRequest<CockpitRecentRequests> recentRequests() {
        return new LimitRequest<>(client, Host.COCKPIT, Access.VK_ONLY, "/api/v1/cockpit/recent-requests",
                reader(Host.COCKPIT, CockpitRecentRequests::new), 100, true);
    }

    /** {@code GET /api/v1/cockpit/health}: collector reachability; no credentials sent. */
    public AlephantCall<CockpitData> health() {
        return call(Host.COCKPIT, Access.PUBLIC, "GET", "/api/v1/cockpit/health", CockpitData::new);
    }
}
