package io.tally.hitkeep;

import io.tally.core.spi.WindowedRequest;
import io.tally.core.spi.ResponseReader;
import io.tally.hitkeep.model.WebVitalMetric;
import io.tally.hitkeep.model.WebVitalRating;
import java.util.Objects;

/**
 * A Web Vitals read over a window, optionally for one page and one rating. {@link #limit(int)} applies to the
 * page and breakdown lists only (HitKeep's default 25 rows); a limit set on the summary or the series is
 * rejected before sending. Serves both {@link WebVitals} and the same four routes of a {@link SharedDashboard},
 * which take the same inputs; none of them takes a hit filter.
 *
 * @param <T> what the request returns
 */
public final class WebVitalsRequest<T> extends HitKeepRequest<T, WebVitalsRequest<T>>
        implements
            WindowedRequest<WebVitalsRequest<T>> {
    private final boolean rows;

    WebVitalsRequest(HitKeep client, String pathTemplate, String siteId, boolean rows, ResponseReader<T> reader) {
        this(client, pathTemplate, RouteAuth.TOKEN_OR_SESSION, new Object[] {Inputs.id("siteId", siteId)}, rows,
                reader);
    }

    /** {@code rows}: whether the route answers a list of pages or dimension values and so takes {@code limit}. */
    WebVitalsRequest(HitKeep client, String pathTemplate, RouteAuth auth, Object[] pathValues, boolean rows,
            ResponseReader<T> reader) {
        super(client, "GET", pathTemplate, auth, pathValues, reader);
        this.rows = rows;
    }

    /** Only samples of this exact normalised path ({@code path}). */
    public WebVitalsRequest<T> path(String path) {
        return query("path", path);
    }

    /** Only samples with this rating ({@code rating}). */
    public WebVitalsRequest<T> rating(WebVitalRating rating) {
        return query("rating", Objects.requireNonNull(rating, "rating").value());
    }

    /** The metric ({@code metric}); optional on the summary, where it narrows the answer to one metric. */
    public WebVitalsRequest<T> metric(WebVitalMetric metric) {
        return query("metric", Objects.requireNonNull(metric, "metric").value());
    }

    /** At most this many rows, at least 1 (pages and breakdown only). */
    public WebVitalsRequest<T> limit(int limit) {
        if (!rows) {
            throw new IllegalArgumentException("limit applies only to the Web Vitals page and breakdown lists, not to "
                    + pathTemplate());
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return query("limit", limit);
    }

    /** Sets a query parameter of the route. */
    WebVitalsRequest<T> param(String name, Object value) {
        return query(name, value);
    }
}
