package io.tally.alephant;

import io.tally.alephant.AlephantRequest.Host;
import io.tally.alephant.model.AlephantData;
import io.tally.alephant.model.CostBreakdown;
import io.tally.alephant.model.LogsStats;
import io.tally.alephant.model.ModelUsageReport;
import io.tally.alephant.model.PingResult;
import io.tally.alephant.model.UsageSeries;
import io.tally.alephant.model.WindowReport;
import java.util.Collections;
import java.util.Objects;

/**
 * The Analytics (collector) API on its own host ({@code /v1/analytics/…}): the dashboard-shaped
 * "saas" routes ({@code dateFrom}/{@code dateTo}) and the comparison-ready "atomic" routes
 * ({@code preset} or {@code start}/{@code end}). Sends a virtual key, or a PAT/JWT with
 * {@code X-Workspace-Id}. The prompt-template KPI and master-key breakdown routes have unpublished
 * paths (reference §9.9): reach them with {@code raw()} once known.
 */
public final class Collector extends Resource {
    Collector(Alephant client) {
        super(client);
    }

    private <T> DateRangeRequest<T> dates(String path,
            java.util.function.Function<com.fasterxml.jackson.databind.JsonNode, T> convert,
            boolean required, int maxLimit, String... scopes) {
        return new DateRangeRequest<>(client, Host.ANALYTICS, path, new Object[0], Readers.payload(convert), required,
                maxLimit, scopes);
    }

    /** {@code GET /v1/analytics/saas/overview}. */
    public AlephantCall<AlephantData> overview() {
        return call(Host.ANALYTICS, Access.VK_OR_WORKSPACE, "GET", "/v1/analytics/saas/overview", AlephantData::new);
    }

    /** {@code GET /v1/analytics/saas/usage}: at most one of agentId, memberId, departmentId. */
    public DateRangeRequest<UsageSeries> usage() {
        return dates("/v1/analytics/saas/usage", UsageSeries::new, false, 0, "agentId", "memberId", "departmentId");
    }

    /** {@code GET /v1/analytics/saas/costs}. */
    public DateRangeRequest<CostBreakdown> costs() {
        return dates("/v1/analytics/saas/costs", CostBreakdown::new, false, 0, "departmentId");
    }

    /** {@code GET /v1/analytics/saas/models}: dates required; scoped to an agent or a member optionally. */
    public DateRangeRequest<ModelUsageReport> models() {
        return dates("/v1/analytics/saas/models", ModelUsageReport::new, true, 0, "agentId", "memberId");
    }

    /** {@code GET /v1/analytics/saas/logs-stats}: dates required. */
    public DateRangeRequest<LogsStats> logsStats() {
        return dates("/v1/analytics/saas/logs-stats", LogsStats::new, true, 0);
    }

    /** {@code GET /v1/analytics/saas/sparklines}. */
    public SparklinesRequest<AlephantData> sparklines() {
        return new SparklinesRequest<>(client, Host.ANALYTICS, "/v1/analytics/saas/sparklines",
                Readers.payload(AlephantData::new));
    }

    /** {@code GET /v1/analytics/saas/live-24h}: {@code limit} 1–10. */
    public LimitRequest<AlephantData> live24h() {
        return new LimitRequest<>(client, Host.ANALYTICS, Access.VK_OR_WORKSPACE, "/v1/analytics/saas/live-24h",
                Readers.payload(AlephantData::new), 10, false);
    }

    /** {@code GET /v1/analytics/saas/members/{id}/analytics}. */
    public DaysRequest<AlephantData> memberAnalytics(String memberId) {
        return new DaysRequest<>(client, Host.ANALYTICS, "/v1/analytics/saas/members/{id}/analytics",
                new Object[] {id("memberId", memberId)}, Readers.payload(AlephantData::new));
    }

    /** {@code GET /v1/analytics/usage-summary}: the window and the equal-length one before it. */
    public WindowRequest<WindowReport> usageSummary() {
        return new WindowRequest<>(client, "/v1/analytics/usage-summary", Readers.payload(WindowReport::new), 0);
    }

    /** {@code GET /v1/analytics/agents/cost-breakdown}: {@code limit} 1–200. */
    public WindowRequest<WindowReport> agentCostBreakdown() {
        return new WindowRequest<>(client, "/v1/analytics/agents/cost-breakdown", Readers.payload(WindowReport::new),
                200);
    }

    /** {@code GET /v1/analytics/departments/cost-breakdown}: dates optional (default window). */
    public DateRangeRequest<AlephantData> departmentCostBreakdown() {
        return dates("/v1/analytics/departments/cost-breakdown", AlephantData::new, false, 0);
    }

    /** {@code GET /v1/analytics/members/cost-breakdown}. */
    public AlephantCall<AlephantData> memberCostBreakdown() {
        return call(Host.ANALYTICS, Access.VK_OR_WORKSPACE, "GET", "/v1/analytics/members/cost-breakdown",
                AlephantData::new);
    }

    /** {@code GET /v1/analytics/by-member}: {@code limit} 1–500. */
    public DateRangeRequest<AlephantData> byMember() {
        return dates("/v1/analytics/by-member", AlephantData::new, false, 500);
    }

    /** {@code GET /v1/analytics/by-agent}: {@code limit} 1–500. */
    public DateRangeRequest<AlephantData> byAgent() {
        return dates("/v1/analytics/by-agent", AlephantData::new, false, 500);
    }

    /** {@code GET /v1/analytics/usage/timeseries}. */
    public TimeseriesRequest<AlephantData> timeseries(TimeseriesMetric metric) {
        return new TimeseriesRequest<>(client, Host.ANALYTICS, "/v1/analytics/usage/timeseries", metric,
                Readers.payload(AlephantData::new));
    }

    /** {@code POST /v1/analytics/aggregate/ping}: a connectivity sample at {@code hour} or {@code day} granularity. */
    public AlephantCall<PingResult> ping(Granularity granularity) {
        Objects.requireNonNull(granularity, "granularity");
        return call(Host.ANALYTICS, Access.VK_OR_WORKSPACE, "POST", "/v1/analytics/aggregate/ping", PingResult::new)
                .body(Collections.singletonMap("granularity", granularity.wire()));
    }

    /** {@code GET /v1/analytics/health}: no credentials sent. */
    public AlephantCall<AlephantData> health() {
        return call(Host.ANALYTICS, Access.PUBLIC, "GET", "/v1/analytics/health", AlephantData::new);
    }
}
