package io.tally.hitkeep;

import io.tally.core.paging.AutoPager;
import io.tally.core.paging.Page;
import io.tally.hitkeep.model.Hit;
import io.tally.hitkeep.model.HitPage;
import io.tally.hitkeep.model.HitSort;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Raw pageviews of a site ({@code GET /api/sites/{id}/hits}), one page at a time or every page with
 * {@link #autoPage()}:
 *
 * <pre>{@code
 * for (Hit hit : hitkeep.sites().hits(siteId).range(DateRange.lastDays(1)).search("/pricing").pageSize(100).autoPage()) {
 *     System.out.println(hit.timestamp() + " " + hit.path());
 * }
 * }</pre>
 *
 * <p>Without a window HitKeep returns the last 24 hours. Newest first unless {@link #sort(HitSort)} and
 * {@link #ascending()} say otherwise. Needs {@code site.view}; team API clients get 401 here (HitKeep
 * reference §2.6). {@link SharedDashboard#hits(String)} returns this request for
 * {@code GET /api/share/{token}/sites/{id}/hits}, which takes the same inputs and sends no credentials.
 */
public final class HitsRequest extends AnalyticsRequest<HitPage, HitsRequest> {
    /**
     * The largest page HitKeep serves. {@link #pageSize(int)} refuses larger sizes; {@link #autoPage()} uses
     * this size unless told otherwise.
     */
    public static final int MAX_PAGE_SIZE = 100;

    private int pageSize = -1;
    private long offset;

    HitsRequest(HitKeep client, String siteId) {
        this(client, "/api/sites/{id}/hits", RouteAuth.TOKEN_OR_SESSION, new Object[] {Inputs.id("siteId", siteId)});
    }

    HitsRequest(HitKeep client, String pathTemplate, RouteAuth auth, Object[] pathValues) {
        super(client, "GET", pathTemplate, auth, pathValues, client.context().json(HitPage.class));
    }

    /**
     * Hits per page, 1 to {@link #MAX_PAGE_SIZE} ({@code limit}; HitKeep's default is 10).
     *
     * @throws IllegalArgumentException when {@code pageSize} is outside 1 to {@link #MAX_PAGE_SIZE}
     */
    public HitsRequest pageSize(int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE
                    + " (HitsRequest.MAX_PAGE_SIZE, the largest page HitKeep serves), got " + pageSize
                    + "; use autoPage() to read more rows");
        }
        this.pageSize = pageSize;
        return query("limit", pageSize);
    }

    /** The same as {@link #pageSize(int)}: on this route {@code limit} is the page size. */
    @Override
    public HitsRequest limit(int limit) {
        return pageSize(limit);
    }

    /** Hits to skip ({@code offset}), at least 0. */
    public HitsRequest offset(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be at least 0, got " + offset);
        }
        this.offset = offset;
        return query("offset", offset);
    }

    /**
     * Only hits whose path, hostname, referrer, user agent, UTM values or QR code id contain {@code text},
     * ignoring case ({@code q}).
     */
    public HitsRequest search(String text) {
        return query("q", text == null || text.isEmpty() ? null : text);
    }

    /** What to sort by ({@code sort}): timestamp (the default), path or referrer. */
    public HitsRequest sort(HitSort sort) {
        return query("sort", Objects.requireNonNull(sort, "sort").value());
    }

    /** Oldest / A-to-Z first ({@code order=asc}). */
    public HitsRequest ascending() {
        return query("order", "asc");
    }

    /** Newest / Z-to-A first ({@code order=desc}, HitKeep's default). */
    public HitsRequest descending() {
        return query("order", "desc");
    }

    /**
     * Every matching hit from {@link #offset(long)} on, fetched page by page as iteration reaches it; pages hold
     * 100 hits unless {@link #pageSize(int)} says otherwise. Stops at the reported total or a short page.
     */
    public AutoPager<Hit> autoPage() {
        int size = pageSize > 0 ? pageSize : MAX_PAGE_SIZE;
        return AutoPager.offsetLimit(offset, size, (position, n) -> {
            Map<String, String> page = new HashMap<>();
            page.put("limit", String.valueOf(n));
            page.put("offset", String.valueOf(position));
            HitPage result = executeWithQuery(page);
            return Page.of(result.items(), result.total());
        });
    }
}
