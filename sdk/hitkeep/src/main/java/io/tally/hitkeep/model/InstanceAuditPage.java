package io.tally.hitkeep.model;

import java.util.List;

/** One page of the instance audit log (OpenAPI schema {@code InstanceAuditListResponse}). */
public record InstanceAuditPage(List<InstanceAuditEntry> entries, long total, int limit, int offset, boolean hasMore) {
    /** Copies {@code entries} into an unmodifiable list; {@code null} becomes empty. */
    public InstanceAuditPage {
        entries = Immutable.list(entries);
    }
}
