package io.tally.hitkeep;

import io.tally.core.spi.WindowedRequest;
import io.tally.core.spi.ResponseReader;
import io.tally.core.spi.TimeWindow;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A read over a time window whose only optional inputs are {@code from} and {@code to} (RFC 3339),
 * such as QR campaign summaries and open series. Without them HitKeep uses its own default window
 * (usually the 30 days ending tomorrow), so send both bounds.
 *
 * @param <T> what the request returns
 */
public final class RangeRequest<T> extends HitKeepRequest<T, RangeRequest<T>>
        implements
            WindowedRequest<RangeRequest<T>> {
    RangeRequest(HitKeep client, String method, String pathTemplate, RouteAuth auth, Object[] pathValues,
            ResponseReader<T> reader) {
        super(client, method, pathTemplate, auth, pathValues, reader);
    }

    /** Sets another query parameter the route takes; {@code null} leaves it out. */
    RangeRequest<T> param(String name, @Nullable Object value) {
        return query(name, value);
    }

    /** The longest window the route accepts (checked before sending). */
    RangeRequest<T> maxSpan(Duration span) {
        return timeWindow(TimeWindow.instants().maxSpan(span));
    }
}
