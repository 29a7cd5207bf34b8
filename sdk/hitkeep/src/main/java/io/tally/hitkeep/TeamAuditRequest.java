package io.tally.hitkeep;

import io.tally.core.spi.WindowedRequest;
import io.tally.core.paging.AutoPager;
import io.tally.core.paging.Page;
import io.tally.hitkeep.model.TeamAuditEntry;
import io.tally.hitkeep.model.TeamAuditPage;
import java.util.HashMap;
import java.util.Map;

/**
 * A page of a team's audit log ({@code GET /api/user/teams/{id}/audit}), newest first, with optional filters.
 * {@link #autoPage()} walks every page. Session only; needs the team capability {@code team.view_audit}.
 */
public final class TeamAuditRequest extends HitKeepRequest<TeamAuditPage, TeamAuditRequest>
        implements
            WindowedRequest<TeamAuditRequest> {
    /** The largest page HitKeep serves. */
    public static final int MAX_PAGE_SIZE = 200;

    private int pageSize = -1;
    private long offset;

    TeamAuditRequest(HitKeep client, String teamId) {
        super(client, "GET", "/api/user/teams/{id}/audit", RouteAuth.SESSION_ONLY,
                new Object[] {Inputs.id("teamId", teamId)},
                client.context().json(TeamAuditPage.class));
    }

    /** Only entries of this action, e.g. {@code member.invited} ({@code action}). */
    public TeamAuditRequest action(String action) {
        return query("action", action);
    }

    /** Only {@code success} or {@code failure} entries ({@code outcome}). */
    public TeamAuditRequest outcome(String outcome) {
        return query("outcome", outcome);
    }

    /** Only entries about this kind of target, e.g. {@code api_client} ({@code target_type}). */
    public TeamAuditRequest targetType(String targetType) {
        return query("target_type", targetType);
    }

    /** Free-text search over the entries ({@code query}). */
    public TeamAuditRequest search(String text) {
        return query("query", text);
    }

    /** Entries per page, 1 to 200 ({@code limit}). */
    public TeamAuditRequest pageSize(int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE + ", got " + pageSize);
        }
        this.pageSize = pageSize;
        return query("limit", pageSize);
    }

    /** Entries to skip ({@code offset}), at least 0. */
    public TeamAuditRequest offset(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be at least 0, got " + offset);
        }
        this.offset = offset;
        return query("offset", offset);
    }

    /**
     * Every matching entry from {@link #offset(long)} on, fetched page by page as iteration reaches it (200 per
     * page unless {@link #pageSize(int)} says otherwise).
     */
    public AutoPager<TeamAuditEntry> autoPage() {
        int size = pageSize > 0 ? pageSize : MAX_PAGE_SIZE;
        return AutoPager.offsetLimit(offset, size, (position, n) -> {
            Map<String, String> page = new HashMap<>();
            page.put("limit", String.valueOf(n));
            page.put("offset", String.valueOf(position));
            TeamAuditPage result = executeWithQuery(page);
            return Page.of(result.items(), result.total());
        });
    }
}
