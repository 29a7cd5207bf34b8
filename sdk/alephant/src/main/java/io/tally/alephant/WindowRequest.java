package io.tally.alephant;

import io.tally.core.spi.ResponseReader;
import io.tally.core.spi.TimeWindow;
import io.tally.core.spi.WindowedRequest;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A comparison-ready (atomic) Analytics API request: a {@code preset} ({@code 30d} by default) or
 * a {@code start}/{@code end} pair of UTC days, inclusive. Setting both a preset and days is
 * refused before sending (the server would silently let the days win), as is one day without the
 * other or an end before the start.
 *
 * @param <T> what the request returns
 */
public final class WindowRequest<T> extends AlephantRequest<T, WindowRequest<T>>
        implements
            WindowedRequest<WindowRequest<T>> {
    private final int maxLimit;

    WindowRequest(Alephant client, String path, ResponseReader<T> reader, int maxLimit) {
        super(client, Host.ANALYTICS, Access.VK_OR_WORKSPACE, "GET", path, new Object[0], reader);
        this.maxLimit = maxLimit;
        timeWindow(TimeWindow.days("start", "end").bothOrNeither());
    }

    /** A named window, e.g. {@link WindowPreset#MONTH_TO_DATE}. */
    public WindowRequest<T> preset(WindowPreset preset) {
        return query("preset", preset == null ? null : preset.wire());
    }

    /** Both days of the window, inclusive. */
    public WindowRequest<T> days(LocalDate start, LocalDate end) {
        query("start", Objects.requireNonNull(start, "start"));
        return query("end", Objects.requireNonNull(end, "end"));
    }

    /** At most this many rows (routes that take a limit). */
    public WindowRequest<T> limit(int limit) {
        return query("limit", limit);
    }

    @Override
    protected void validateInputs() {
        boolean days = !queryValues("start").isEmpty() || !queryValues("end").isEmpty();
        if (days && !queryValues("preset").isEmpty()) {
            throw new IllegalArgumentException(
                    "set either preset or start and end on " + pathTemplate() + ", not both");
        }
        if (!queryValues("limit").isEmpty()) {
            int limit = Integer.parseInt(queryValues("limit").get(0));
            if (maxLimit == 0) {
                throw new IllegalArgumentException("limit is not accepted by " + method() + " " + pathTemplate());
            }
            if (limit < 1 || limit > maxLimit) {
                throw new IllegalArgumentException("limit must be between 1 and " + maxLimit + ", got " + limit);
            }
        }
    }
}
