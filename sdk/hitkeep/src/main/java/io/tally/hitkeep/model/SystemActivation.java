package io.tally.hitkeep.model;

import java.util.List;

/** One page of the activation view (OpenAPI schema {@code SystemActivationResponse}). */
public record SystemActivation(List<SystemActivationRow> rows, long total, int limit, int offset, boolean hasMore) {
    public SystemActivation {
        rows = Immutable.list(rows);
    }
}
