package io.tally.hitkeep.model;

import java.util.List;

/** One page of the instance audit log (OpenAPI schema {@code InstanceAuditListResponse}). */
public record InstanceAuditPage(List<InstanceAuditEntry> entries, long total, int limit, int offset, boolean hasMore) {
    public InstanceAuditPage {
        entries = Immutable.list(entries);
    }
}
