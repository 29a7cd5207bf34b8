package io.tally.hitkeep;

import io.tally.core.spi.ResponseReader;
import io.tally.hitkeep.model.Funnel;
import io.tally.hitkeep.model.FunnelInput;
import io.tally.hitkeep.model.FunnelSeriesPoint;
import io.tally.hitkeep.model.FunnelStats;
import java.util.List;
import java.util.Objects;

/**
 * Funnels of a site: ordered steps (paths or events) and how many sessions get through them. Reading needs
 * {@code site.view}, changing needs {@code site.manage_goals}; all routes accept an API token or a session.
 *
 * <pre>{@code
 * hitkeep.funnels().create(siteId, FunnelInput.of("Checkout",
 *     FunnelStep.path("/cart"), FunnelStep.event("purchase"))).execute();
 * FunnelStats stats = hitkeep.funnels().stats(siteId, funnelId).range(DateRange.lastDays(30)).execute();
 * }</pre>
 */
public final class Funnels {
    private final HitKeep client;

    Funnels(HitKeep client) {
        this.client = client;
    }

    /** The site's funnels ({@code GET /api/sites/{id}/funnels}). */
    public HitKeepCall<List<Funnel>> list(String siteId) {
        return call("GET", "/api/sites/{id}/funnels", client.context().listOf(Funnel.class), site(siteId));
    }

    /**
     * Creates a funnel ({@code POST /api/sites/{id}/funnels}). HitKeep answers 201 with an empty body, so the
     * result is {@code null}: {@link #list(String)} again to learn the new funnel's id.
     */
    public HitKeepCall<Void> create(String siteId, FunnelInput funnel) {
        Objects.requireNonNull(funnel, "funnel");
        return call("POST", "/api/sites/{id}/funnels", ResponseReader.discard(), site(siteId)).body(funnel);
    }

    /** Deletes a funnel ({@code DELETE /api/sites/{id}/funnels/{funnelID}}). */
    public HitKeepCall<Void> delete(String siteId, String funnelId) {
        return call("DELETE", "/api/sites/{id}/funnels/{funnelID}", ResponseReader.discard(), site(siteId),
                Inputs.id("funnelId", funnelId));
    }

    /** Sessions per step and conversion over a window ({@code GET /api/sites/{id}/funnels/{funnelID}/stats}). */
    public RangeRequest<FunnelStats> stats(String siteId, String funnelId) {
        return new RangeRequest<>(client, "GET", "/api/sites/{id}/funnels/{funnelID}/stats", RouteAuth.TOKEN_OR_SESSION,
                new Object[] {site(siteId), Inputs.id("funnelId", funnelId)}, client.context().json(FunnelStats.class));
    }

    /** Entries and completions of all funnels per time bucket ({@code GET /api/sites/{id}/funnels/timeseries}). */
    public RangeRequest<List<FunnelSeriesPoint>> timeseries(String siteId) {
        return new RangeRequest<>(client, "GET", "/api/sites/{id}/funnels/timeseries", RouteAuth.TOKEN_OR_SESSION,
                new Object[] {site(siteId)},
                client.context().listOf(FunnelSeriesPoint.class));
    }

    /** Entries and completions of one funnel per time bucket ({@code GET /api/sites/{id}/funnels/timeseries?funnel_id=…}). */
    public RangeRequest<List<FunnelSeriesPoint>> timeseries(String siteId, String funnelId) {
        return timeseries(siteId).param("funnel_id", Inputs.uuid("funnelId", funnelId));
    }

    private static String site(String siteId) {
        return Inputs.id("siteId", siteId);
    }

    private <T> HitKeepCall<T> call(String method, String route, ResponseReader<T> reader, Object... path) {
        return new HitKeepCall<>(client, method, route, RouteAuth.TOKEN_OR_SESSION, path, reader);
    }
}
