package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of the instance audit log (OpenAPI schema {@code InstanceAuditListResponse}).
 *
 * @param items the entries on this page (JSON {@code entries}); the same name as core's {@code Page.items()}
 * @param total entries matching the query across all pages
 * @param limit the page size used
 * @param offset the offset of this page
 * @param hasMore whether more entries follow
 */
public record InstanceAuditPage(@JsonProperty("entries") List<InstanceAuditEntry> items, long total, int limit,
        int offset, boolean hasMore) {
    /** Copies {@code items} into an unmodifiable list; {@code null} becomes empty. */
    public InstanceAuditPage {
        items = Immutable.list(items);
    }

    /**
     * The entries on this page.
     *
     * @deprecated every page names its rows {@link #items()}, as core's {@code Page} does; use that
     */
    @Deprecated
    public List<InstanceAuditEntry> entries() {
        return items;
    }
}
