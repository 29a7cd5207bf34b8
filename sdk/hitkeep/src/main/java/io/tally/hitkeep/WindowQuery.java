package io.tally.hitkeep;

import io.tally.core.ResponseReader;
import io.tally.core.time.DateRange;
import java.time.Instant;

/**
 * An analytics read whose only optional inputs are the window's bounds, {@code from} and {@code to} (RFC 3339);
 * its other inputs were given when it was created. Send both bounds: without them HitKeep uses the 30 days
 * ending tomorrow.
 *
 * @param <T> what the request returns
 */
public final class WindowQuery<T> extends HitKeepRequest<T, WindowQuery<T>> {
    WindowQuery(HitKeep client, String pathTemplate, Object[] pathValues, ResponseReader<T> reader) {
        super(client, "GET", pathTemplate, RouteAuth.TOKEN_OR_SESSION, pathValues, reader);
    }

    /** Both bounds of the window. */
    public WindowQuery<T> range(DateRange range) {
        query("from", range.from());
        return query("to", range.to());
    }

    /** Start of the window (inclusive). */
    public WindowQuery<T> from(Instant from) {
        return query("from", from);
    }

    /** End of the window. */
    public WindowQuery<T> to(Instant to) {
        return query("to", to);
    }

    /** Sets a query parameter of the route; {@code null} leaves it out. */
    WindowQuery<T> param(String name, Object value) {
        return query(name, value);
    }

    @Override
    protected void validateInputs() {
        Inputs.window("from", queryValues("from"), "to", queryValues("to"));
    }
}
