package io.tally.hitkeep.model;

import java.util.List;

/**
 * One page of a team's audit log.
 *
 * @param entries the entries on this page
 * @param total entries matching the query across all pages
 * @param limit the page size used
 * @param offset the offset of this page
 * @param hasMore whether more entries follow
 * @param action the action filter applied, or {@code null}
 */
public record TeamAuditPage(
        List<TeamAuditEntry> entries,
        long total,
        int limit,
        int offset,
        boolean hasMore,
        String action) {
    /** Copies {@code entries} into an unmodifiable list; {@code null} becomes empty. */
    public TeamAuditPage {
        entries = Immutable.list(entries);
    }
}
