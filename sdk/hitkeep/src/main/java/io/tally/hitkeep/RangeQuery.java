package io.tally.hitkeep;

import io.tally.core.spi.ResponseReader;
import io.tally.core.time.DateRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A read over a time window whose only optional inputs are {@code from} and {@code to} (RFC 3339),
 * such as QR campaign summaries and open series. Without them HitKeep uses its own default window
 * (usually the 30 days ending tomorrow), so send both bounds.
 *
 * @param <T> what the request returns
 */
public final class RangeQuery<T> extends HitKeepRequest<T, RangeQuery<T>> {
    private Duration maxSpan;

    RangeQuery(HitKeep client, String method, String pathTemplate, RouteAuth auth, Object[] pathValues,
               ResponseReader<T> reader) {
        super(client, method, pathTemplate, auth, pathValues, reader);
    }

    /** Both bounds of the window. */
    public RangeQuery<T> range(DateRange range) {
        query("from", range.from());
        return query("to", range.to());
    }

    /** Start of the window (inclusive). */
    public RangeQuery<T> from(Instant from) {
        return query("from", from);
    }

    /** End of the window. */
    public RangeQuery<T> to(Instant to) {
        return query("to", to);
    }

    /** Sets another query parameter the route takes; {@code null} leaves it out. */
    RangeQuery<T> param(String name, Object value) {
        return query(name, value);
    }

    /** The longest window the route accepts (checked before sending). */
    RangeQuery<T> maxSpan(Duration span) {
        this.maxSpan = span;
        return this;
    }

    @Override
    protected void validateInputs() {
        List<String> from = queryValues("from");
        List<String> to = queryValues("to");
        if (from.isEmpty() || to.isEmpty()) {
            return;
        }
        Instant start = Instant.parse(from.get(0));
        Instant end = Instant.parse(to.get(0));
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("to (" + to.get(0) + ") must be after from (" + from.get(0) + ")");
        }
        if (maxSpan != null && Duration.between(start, end).compareTo(maxSpan) > 0) {
            throw new IllegalArgumentException("the window from " + from.get(0) + " to " + to.get(0) + " is longer than the "
                    + maxSpan.toDays() + " days " + method() + " " + pathTemplate() + " accepts");
        }
    }
}
