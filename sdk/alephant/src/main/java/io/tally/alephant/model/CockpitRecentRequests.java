package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A virtual key's recent requests ({@code GET /api/v1/cockpit/recent-requests}); currently always empty and {@link #degraded()} (reference §6).
 */
public final class CockpitRecentRequests extends CockpitResult {
    /** Wraps a whole response body as received. */
    public CockpitRecentRequests(JsonNode body) {
        super(body);
    }

    /** The requests, each as received. */
    public List<AlephantData> requests() {
        return listOf(CockpitItems.itemsOf(json()), AlephantData::new);
    }
}
