package io.tally.core.spi;

import io.tally.core.time.DateRange;
import java.time.Instant;
import java.util.Objects;

/**
 * A request over a time window: {@link #range(DateRange)}, {@link #from(Instant)} and
 * {@link #to(Instant)}, written to the route's query parameters and checked before sending by the
 * route's {@link TimeWindow} rules (set with {@code ApiRequest.timeWindow(...)}; by default
 * {@code from}/{@code to} as RFC 3339 instants, the end after the start).
 *
 * <p>Implemented by {@link ApiRequest} subclasses only: a provider's windowed request types declare
 * {@code implements WindowedRequest<Self>} and get these setters, so every provider's windows read
 * and fail alike.
 *
 * @param <R> the concrete request type, returned by the setters
 */
public interface WindowedRequest<R extends WindowedRequest<R>> {
    /** Both bounds of the window: its start (inclusive) and its end. */
    @SuppressWarnings("unchecked")
    default R range(DateRange range) {
        Objects.requireNonNull(range, "range");
        ApiRequest.windowed(this).setWindow(range);
        return (R) this;
    }

    /** Start of the window (inclusive); {@code null} removes it. */
    @SuppressWarnings("unchecked")
    default R from(Instant from) {
        ApiRequest.windowed(this).setWindowStart(from);
        return (R) this;
    }

    /** End of the window; {@code null} removes it. */
    @SuppressWarnings("unchecked")
    default R to(Instant to) {
        ApiRequest.windowed(this).setWindowEnd(to);
        return (R) this;
    }
}
