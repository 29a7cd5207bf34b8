package io.tally.alephant;

import io.tally.alephant.AlephantRequest.Host;
import io.tally.alephant.model.AlephantData;
import io.tally.alephant.model.CostBreakdown;
import io.tally.alephant.model.ModelUsageReport;
import io.tally.alephant.model.UsageSeries;
import io.tally.alephant.model.WorkspaceOverview;

/**
 * The SaaS dashboard analytics ({@code /api/v1/analytics/…}, PAT or JWT with
 * {@code X-Workspace-Id}). Dates are {@code dateFrom}/{@code dateTo}: UTC days, inclusive, both or
 * neither (neither: the current billing period).
 */
public final class Analytics extends Resource {
    Analytics(Alephant client) {
        super(client);
    }

    /** {@code GET /api/v1/analytics/overview}: workspace KPIs. */
    public AlephantCall<WorkspaceOverview> overview() {
        return call(Host.SAAS, Access.WORKSPACE, "GET", "/api/v1/analytics/overview", WorkspaceOverview::new);
    }

    /** {@code GET /api/v1/analytics/usage}: usage per day, optionally of one agent, member or department. */
    public DateRangeRequest<UsageSeries> usage() {
        return new DateRangeRequest<>(client, Host.SAAS, "/api/v1/analytics/usage", new Object[0],
                Readers.payload(UsageSeries::new),
                false, 0, "agentId", "memberId", "departmentId");
    }

    /** {@code GET /api/v1/analytics/costs}: costs by agent, department and master key. */
    public DateRangeRequest<CostBreakdown> costs() {
        return new DateRangeRequest<>(client, Host.SAAS, "/api/v1/analytics/costs", new Object[0],
                Readers.payload(CostBreakdown::new),
                false, 0, "departmentId");
    }

    /** {@code GET /api/v1/analytics/models}: requests, cost and tokens per model. */
    public DateRangeRequest<ModelUsageReport> models() {
        return new DateRangeRequest<>(client, Host.SAAS, "/api/v1/analytics/models", new Object[0],
                Readers.payload(ModelUsageReport::new), false, 0);
    }

    /** {@code GET /api/v1/analytics/budget-status} (a placeholder upstream). */
    public AlephantCall<AlephantData> budgetStatus() {
        return call(Host.SAAS, Access.WORKSPACE, "GET", "/api/v1/analytics/budget-status", AlephantData::new);
    }

    /** {@code GET /api/v1/analytics/efficiency} (a placeholder upstream). */
    public AlephantCall<AlephantData> efficiency() {
        return call(Host.SAAS, Access.WORKSPACE, "GET", "/api/v1/analytics/efficiency", AlephantData::new);
    }

    /** {@code GET /api/v1/analytics/live-24h}: top models, keys and KPIs of the last 24 h; {@code limit} 1–10. */
    public LimitRequest<AlephantData> live24h() {
        return new LimitRequest<>(client, Host.SAAS, Access.WORKSPACE, "/api/v1/analytics/live-24h",
                Readers.payload(AlephantData::new),
                10, false);
    }

    /** {@code GET /api/v1/analytics/usage/timeseries}: one metric as a series. */
    public TimeseriesRequest<AlephantData> timeseries(TimeseriesMetric metric) {
        return new TimeseriesRequest<>(client, Host.SAAS, "/api/v1/analytics/usage/timeseries", metric,
                Readers.payload(AlephantData::new));
    }

    /** {@code GET /api/v1/analytics/sparklines}: 7-day trends. */
    public SparklinesRequest<AlephantData> sparklines() {
        return new SparklinesRequest<>(client, Host.SAAS, "/api/v1/analytics/sparklines",
                Readers.payload(AlephantData::new));
    }

    /** {@code GET /api/v1/analytics/usage-history}: monthly roll-up. */
    public AlephantCall<AlephantData> usageHistory() {
        return call(Host.SAAS, Access.WORKSPACE, "GET", "/api/v1/analytics/usage-history", AlephantData::new);
    }

    /** {@code GET /api/v1/analytics/members/{memberId}/analytics}: a member's daily series over {@code days}. */
    public DaysRequest<AlephantData> memberAnalytics(String memberId) {
        return new DaysRequest<>(client, Host.SAAS, "/api/v1/analytics/members/{memberId}/analytics",
                new Object[] {id("memberId", memberId)}, Readers.payload(AlephantData::new));
    }
}
