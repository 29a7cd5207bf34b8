package io.tally.hitkeep;

import io.tally.core.ResponseReader;

/**
 * An analytics read whose only optional inputs are the common window, filters and limit.
 *
 * @param <T> what the request returns
 */
public final class AnalyticsQuery<T> extends AnalyticsRequest<T, AnalyticsQuery<T>> {
    AnalyticsQuery(HitKeep client, String pathTemplate, Object[] pathValues, ResponseReader<T> reader) {
        super(client, "GET", pathTemplate, RouteAuth.TOKEN_OR_SESSION, pathValues, reader);
    }

    /** Sets another query parameter the route takes; {@code null} leaves it out. */
    AnalyticsQuery<T> param(String name, Object value) {
        query(name, value);
        return this;
    }
}
