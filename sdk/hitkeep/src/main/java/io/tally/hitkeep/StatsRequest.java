package io.tally.hitkeep;

import io.tally.core.time.DateRange;
import io.tally.hitkeep.model.SiteStats;
import java.time.Instant;
import java.util.List;

/**
 * A site's traffic over a window ({@code GET /api/sites/{id}/stats}), optionally filtered, restricted to
 * sessions that converted on goals or entered funnels, and compared with a second window.
 *
 * <pre>{@code
 * SiteStats stats = hitkeep.sites().stats(siteId)
 *     .range(DateRange.lastDays(7))
 *     .filter(Filter.country("DE"))
 *     .compareWithPreviousPeriod()
 *     .execute();
 * long before = stats.comparison().map(StatsComparison::totalPageviews).orElse(0L);
 * }</pre>
 *
 * <p>Send both bounds: without them HitKeep uses the 30 days ending tomorrow. Needs {@code site.view}. Team
 * API clients get 401 here (HitKeep reference §2.6): use a personal client or a session. The {@code limit}
 * setter inherited from {@link AnalyticsRequest} is not used by this route.
 *
 * <p>{@link SharedDashboard#stats(String)} returns this request for {@code GET /api/share/{token}/sites/{id}/stats},
 * which sends no credentials and takes the same inputs except the comparison window: HitKeep documents
 * {@code compare_from}/{@code compare_to} for the authenticated route only.
 */
public final class StatsRequest extends AnalyticsRequest<SiteStats, StatsRequest> {
    /** Set by {@link #compareWithPreviousPeriod()}: the window is derived from the range when the request is sent. */
    private boolean compareWithPrevious;

    StatsRequest(HitKeep client, String siteId) {
        this(client, "/api/sites/{id}/stats", RouteAuth.TOKEN_OR_SESSION, new Object[] {Inputs.id("siteId", siteId)});
    }

    StatsRequest(HitKeep client, String pathTemplate, RouteAuth auth, Object[] pathValues) {
        super(client, "GET", pathTemplate, auth, pathValues, client.context().json(SiteStats.class));
    }

    /**
     * Keeps only sessions that converted on this goal ({@code goal_id}); repeat for several goals.
     *
     * @throws IllegalArgumentException when {@code goalId} is not a UUID (HitKeep answers 400 {@code Invalid goal_id})
     */
    public StatsRequest goal(String goalId) {
        return addQuery("goal_id", Inputs.uuid("goalId", goalId));
    }

    /**
     * Keeps only sessions that entered this funnel ({@code funnel_id}); repeat for several funnels.
     *
     * @throws IllegalArgumentException when {@code funnelId} is not a UUID
     */
    public StatsRequest funnel(String funnelId) {
        return addQuery("funnel_id", Inputs.uuid("funnelId", funnelId));
    }

    /**
     * Also computes the numbers of {@code window} ({@code compare_from}, {@code compare_to}); they arrive as
     * {@link SiteStats#comparison()}. Documented for {@code /api/sites/{id}/stats} only, not for the share route.
     */
    public StatsRequest compareWith(DateRange window) {
        compareWithPrevious = false;
        query("compare_from", window.from());
        return query("compare_to", window.to());
    }

    /**
     * Compares with the window of the same length that ends where this one starts. The window is worked out
     * when the request is sent, so the range may be set before or after this call; a later
     * {@link #compareWith(DateRange)}, {@link #compareFrom(Instant)} or {@link #compareUntil(Instant)} replaces it.
     * Sending without a range fails with an {@link IllegalArgumentException}: HitKeep's default window is not
     * known to the client.
     */
    public StatsRequest compareWithPreviousPeriod() {
        compareWithPrevious = true;
        query("compare_from", null);
        return query("compare_to", null);
    }

    /** Start of the comparison window ({@code compare_from}); {@link #compareUntil(Instant)} is needed too. */
    public StatsRequest compareFrom(Instant from) {
        compareWithPrevious = false;
        return query("compare_from", from);
    }

    /** End of the comparison window ({@code compare_to}); {@link #compareFrom(Instant)} is needed too. */
    public StatsRequest compareUntil(Instant to) {
        compareWithPrevious = false;
        return query("compare_to", to);
    }

    @Override
    protected void validateInputs() {
        super.validateInputs();
        if (compareWithPrevious) {
            List<String> start = queryValues("from");
            List<String> end = queryValues("to");
            if (start.isEmpty() || end.isEmpty()) {
                throw new IllegalArgumentException(
                        "compareWithPreviousPeriod() needs the window to compare: set range(...) "
                                + "or from(...) and to(...) before sending");
            }
            DateRange previous = DateRange.between(Instant.parse(start.get(0)), Instant.parse(end.get(0)))
                    .previousPeriod();
            query("compare_from", previous.from());
            query("compare_to", previous.to());
        }
        List<String> from = queryValues("compare_from");
        List<String> to = queryValues("compare_to");
        if (from.isEmpty() != to.isEmpty()) {
            throw new IllegalArgumentException(
                    "compare_from and compare_to are required together: set both (compareWith(DateRange)) or neither");
        }
        Inputs.window("compare_from", from, "compare_to", to);
    }
}
