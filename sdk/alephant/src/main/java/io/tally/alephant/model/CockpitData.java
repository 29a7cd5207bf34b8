package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A Cockpit payload whose shape is not published (health): the JSON as received plus {@link #degraded()} and {@link #dataSource()}.
 */
public final class CockpitData extends CockpitResult {
    /** Wraps a whole response body as received. */
    public CockpitData(JsonNode body) {
        super(body);
    }
}
