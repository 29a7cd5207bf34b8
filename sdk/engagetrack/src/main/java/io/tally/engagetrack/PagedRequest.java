package io.tally.engagetrack;

import io.tally.core.paging.AutoPager;
import io.tally.core.paging.Page;
import io.tally.core.spi.ResponseReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A page/limit listing (EngageTrack reference §6): {@link #page(int)} from 1, {@link #limit(int)} up to 100
 * (EngageTrack's default is 50), and {@link #autoPage()} for every item across pages.
 *
 * @param <T> the page type
 * @param <I> the item type
 * @param <R> the concrete request type
 */
public abstract class PagedRequest<T, I, R extends PagedRequest<T, I, R>> extends EngageTrackRequest<T, R> {
    /** The largest page EngageTrack serves. */
    public static final int MAX_LIMIT = 100;
    private final Function<T, Page<I>> toPage;
    private int page = 1;
    private int limit = 50;

    PagedRequest(EngageTrack client, String pathTemplate, Object[] pathValues, ResponseReader<T> reader,
            Function<T, Page<I>> toPage) {
        super(client, "GET", pathTemplate, RouteAuth.KEY_OR_SESSION, pathValues, reader);
        this.toPage = toPage;
    }

    /**
     * The page to fetch, from 1.
     *
     * @throws IllegalArgumentException when below 1
     */
    public R page(int page) {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more, got " + page);
        }
        this.page = page;
        return query("page", page);
    }

    /**
     * The page size.
     *
     * @throws IllegalArgumentException when not between 1 and {@value #MAX_LIMIT}
     */
    public R limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        this.limit = limit;
        return query("limit", limit);
    }

    /**
     * Every item from this request's page on, fetched page by page as iteration reaches it, with this request's
     * other inputs and options; stops at the answer's {@code total} or at a short page.
     */
    public AutoPager<I> autoPage() {
        return AutoPager.pageNumber(page, limit, (position, size) -> {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("page", Long.toString(position));
            q.put("limit", Integer.toString(size));
            return toPage.apply(executeWithQuery(Collections.unmodifiableMap(q)));
        });
    }

    /** The page asked for. */
    protected final int askedPage() {
        return page;
    }

    /** The page size asked for. */
    protected final int askedLimit() {
        return limit;
    }
}
