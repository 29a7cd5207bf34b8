package io.tally.hitkeep;

import io.tally.core.spi.WindowedRequest;
import io.tally.core.spi.ResponseReader;
import java.util.Collection;

/**
 * A read of analytics over a time window, with HitKeep's common optional inputs: {@code from}/{@code to}
 * (RFC 3339), repeatable {@code filter}s and a row {@code limit}. Send both bounds: each route family
 * has its own default window (reference §3.2).
 *
 * @param <T> what the request returns
 * @param <R> the concrete request type
 */
public abstract class AnalyticsRequest<T, R extends AnalyticsRequest<T, R>> extends HitKeepRequest<T, R>
        implements
            WindowedRequest<R> {
    /** See {@link HitKeepRequest#HitKeepRequest(HitKeep, String, String, RouteAuth, Object[], ResponseReader)}. */
    protected AnalyticsRequest(HitKeep client, String method, String pathTemplate, RouteAuth auth, Object[] pathValues,
            ResponseReader<T> reader) {
        super(client, method, pathTemplate, auth, pathValues, reader);
    }

    /** Adds a filter; several are AND-combined. */
    public R filter(Filter filter) {
        return addQuery("filter", filter);
    }

    /** Adds filters; several are AND-combined. */
    public R filters(Collection<Filter> filters) {
        for (Filter f : filters) {
            addQuery("filter", f);
        }
        return self();
    }

    /**
     * At most this many rows, at least 1. Protected: only routes that take {@code limit} expose it
     * (hits, ecommerce products and sources).
     */
    protected R limit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return query("limit", limit);
    }
}
