package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Workspace KPIs from {@code GET /api/v1/analytics/overview} (shape from the official MCP server's types, unverified).
 */
public final class WorkspaceOverview extends AlephantObject {
    /** Wraps a payload as received. */
    public WorkspaceOverview(JsonNode json) {
        super(json);
    }

    /** Members, or {@code null}. */
    public @Nullable Long totalMembers() {
        return whole("totalMembers", "total_members");
    }

    /** Agents, or {@code null}. */
    public @Nullable Long totalAgents() {
        return whole("totalAgents", "total_agents");
    }

    /** Virtual keys, or {@code null}. */
    public @Nullable Long totalVirtualKeys() {
        return whole("totalVirtualKeys", "total_virtual_keys");
    }

    /** Departments, or {@code null}. */
    public @Nullable Long totalDepartments() {
        return whole("totalDepartments", "total_departments");
    }

    /** Spend ({@code totalCostCents}, cents), or {@code null}. */
    public @Nullable Money totalCost() {
        return money(Money.Unit.USD_CENTS, "totalCostCents", "total_cost_cents");
    }
}
