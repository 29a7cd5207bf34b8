package io.tally.engagetrack;

import io.tally.engagetrack.model.Funnel;
import io.tally.engagetrack.model.FunnelAnalysis;
import io.tally.engagetrack.model.FunnelInput;
import java.util.Objects;

/**
 * A site's funnels: create ({@code funnels:write}; sessions need role member or higher) and analyse
 * ({@code funnels:read}). Listing, updating and deleting funnels have no published paths: use
 * {@link EngageTrack#raw()}.
 */
public final class Funnels {
    private final EngageTrack client;

    Funnels(EngageTrack client) {
        this.client = client;
    }

    /** {@code POST …/funnels}: creates a funnel of 2 or more steps. */
    public EngageTrackCall<Funnel> create(String siteId, FunnelInput funnel) {
        Objects.requireNonNull(funnel, "funnel");
        return new EngageTrackCall<>(client, "POST", "/organizations/{orgId}/sites/{siteId}/funnels",
                RouteAuth.KEY_OR_SESSION,
                client.context().json(Funnel.class), siteId).body(funnel);
    }

    /**
     * {@code GET …/funnels/{funnelId}/analyze}: visitors, drop-off, conversion and revenue per step; takes the
     * analytics query's {@code period} and {@code date} (presumably; not published in detail).
     */
    public AnalyticsCall<FunnelAnalysis> analyze(String siteId, String funnelId) {
        return new AnalyticsCall<>(client, "/organizations/{orgId}/sites/{siteId}/funnels/{funnelId}/analyze",
                Readers.funnelAnalysis(), siteId, funnelId);
    }
}
