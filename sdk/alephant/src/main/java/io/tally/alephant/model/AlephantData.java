package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A payload whose shape Alephant does not publish (reference §9.4): the JSON as received, read with {@link #json()} and {@link #field(String)}.
 */
public final class AlephantData extends AlephantObject {
    /** Wraps a payload as received. */
    public AlephantData(JsonNode json) {
        super(json);
    }
}
