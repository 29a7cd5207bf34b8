package io.tally.hitkeep;

import io.tally.core.spi.ResponseReader;
import io.tally.hitkeep.model.Goal;
import io.tally.hitkeep.model.GoalInput;
import io.tally.hitkeep.model.GoalSeriesPoint;
import java.util.List;
import java.util.Objects;

/**
 * Conversion goals of a site. Reading needs {@code site.view}, changing needs {@code site.manage_goals}; all
 * routes accept an API token or a session. Conversion counts per goal are part of {@code sites().stats(…)}.
 *
 * <pre>{@code
 * hitkeep.goals().create(siteId, GoalInput.of("Saw pricing", MatchType.PATH, "/pricing")).execute();
 * Goal pricing = hitkeep.goals().list(siteId).execute().stream()
 *     .filter(g -> g.name().equals("Saw pricing")).findFirst().get();   // create returns no id
 * }</pre>
 */
public final class Goals {
    private final HitKeep client;

    Goals(HitKeep client) {
        this.client = client;
    }

    /** The site's goals ({@code GET /api/sites/{id}/goals}). */
    public HitKeepCall<List<Goal>> list(String siteId) {
        return call("GET", "/api/sites/{id}/goals", client.context().listOf(Goal.class), site(siteId));
    }

    /**
     * Creates a goal ({@code POST /api/sites/{id}/goals}). HitKeep answers 201 with an empty body, so the result
     * is {@code null}: {@link #list(String)} again to learn the new goal's id.
     */
    public HitKeepCall<Void> create(String siteId, GoalInput goal) {
        Objects.requireNonNull(goal, "goal");
        return call("POST", "/api/sites/{id}/goals", ResponseReader.discard(), site(siteId)).body(goal);
    }

    /** Deletes a goal ({@code DELETE /api/sites/{id}/goals/{goalID}}). */
    public HitKeepCall<Void> delete(String siteId, String goalId) {
        return call("DELETE", "/api/sites/{id}/goals/{goalID}", ResponseReader.discard(), site(siteId),
                Inputs.id("goalId", goalId));
    }

    /** Conversions of all goals per time bucket ({@code GET /api/sites/{id}/goals/timeseries}). */
    public RangeRequest<List<GoalSeriesPoint>> timeseries(String siteId) {
        return new RangeRequest<>(client, "GET", "/api/sites/{id}/goals/timeseries", RouteAuth.TOKEN_OR_SESSION,
                new Object[] {site(siteId)},
                client.context().listOf(GoalSeriesPoint.class));
    }

    /** Conversions of one goal per time bucket ({@code GET /api/sites/{id}/goals/timeseries?goal_id=…}). */
    public RangeRequest<List<GoalSeriesPoint>> timeseries(String siteId, String goalId) {
        return timeseries(siteId).param("goal_id", Inputs.uuid("goalId", goalId));
    }

    private static String site(String siteId) {
        return Inputs.id("siteId", siteId);
    }

    private <T> HitKeepCall<T> call(String method, String route, ResponseReader<T> reader, Object... path) {
        return new HitKeepCall<>(client, method, route, RouteAuth.TOKEN_OR_SESSION, path, reader);
    }
}
