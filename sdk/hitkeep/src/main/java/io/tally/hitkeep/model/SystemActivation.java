package io.tally.hitkeep.model;

import java.util.List;

/** One page of the activation view (OpenAPI schema {@code SystemActivationResponse}). */
public record SystemActivation(List<SystemActivationRow> rows, long total, int limit, int offset, boolean hasMore) {
    /** Copies {@code rows} into an unmodifiable list; {@code null} becomes empty. */
    public SystemActivation {
        rows = Immutable.list(rows);
    }
}
