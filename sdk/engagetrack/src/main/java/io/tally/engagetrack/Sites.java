package io.tally.engagetrack;

import io.tally.engagetrack.model.Site;
import io.tally.engagetrack.model.SiteInput;
import java.util.List;
import java.util.Objects;

/** The organisation's sites (scope {@code sites:read}; creating needs a session of an admin). */
public final class Sites {
    private final EngageTrack client;

    Sites(EngageTrack client) {
        this.client = client;
    }

    /** {@code GET /organizations/{orgId}/sites}: the organisation's sites. */
    public EngageTrackCall<List<Site>> list() {
        return new EngageTrackCall<>(client, "GET", "/organizations/{orgId}/sites", RouteAuth.KEY_OR_SESSION,
                response -> Readers.list(response.mapper(),
                        Readers.items(
                                response.requiredJson(
                                        response.mapper().constructType(com.fasterxml.jackson.databind.JsonNode.class)),
                                "sites"),
                        Site.class));
    }

    /** {@code GET /organizations/{orgId}/sites/{siteId}}: one site (path inferred from the scope table). */
    public EngageTrackCall<Site> get(String siteId) {
        return new EngageTrackCall<>(client, "GET", "/organizations/{orgId}/sites/{siteId}", RouteAuth.KEY_OR_SESSION,
                client.context().json(Site.class), siteId);
    }

    /**
     * {@code POST /organizations/{orgId}/sites} (session only, role admin): creates a site; the answer holds its
     * {@link Site#publicId() public id}.
     */
    public EngageTrackCall<Site> create(SiteInput site) {
        Objects.requireNonNull(site, "site");
        return new EngageTrackCall<>(client, "POST", "/organizations/{orgId}/sites", RouteAuth.SESSION_ONLY,
                client.context().json(Site.class)).body(site);
    }
}
