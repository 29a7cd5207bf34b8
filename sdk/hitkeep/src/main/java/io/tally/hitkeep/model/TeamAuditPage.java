package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a team's audit log.
 *
 * @param items the entries on this page (JSON {@code entries}); the same name as core's {@code Page.items()}
 * @param total entries matching the query across all pages
 * @param limit the page size used
 * @param offset the offset of this page
 * @param hasMore whether more entries follow
 * @param action the action filter applied, or {@code null}
 */
public record TeamAuditPage(
        @JsonProperty("entries") List<TeamAuditEntry> items,
        long total,
        int limit,
        int offset,
        boolean hasMore,
        @Nullable String action) {
    /** Copies {@code items} into an unmodifiable list; {@code null} becomes empty. */
    public TeamAuditPage {
        items = Immutable.list(items);
    }

    /**
     * The entries on this page.
     *
     * @deprecated every page names its rows {@link #items()}, as core's {@code Page} does; use that
     */
    @Deprecated
    public List<TeamAuditEntry> entries() {
        return items;
    }
}
