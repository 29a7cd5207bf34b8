package io.tally.alephant;

import io.tally.core.spi.ResponseReader;

/**
 * A request with a bounded {@code limit} (and, where the route takes it, an {@code offset}):
 * live-24h (1–10), PATs (1–100 with offset), Cockpit recent requests (1–100 with offset).
 *
 * @param <T> what the request returns
 */
public final class LimitRequest<T> extends AlephantRequest<T, LimitRequest<T>> {
    private final int maxLimit;
    private final boolean offsets;

    LimitRequest(Alephant client, Host host, Access access, String path, ResponseReader<T> reader, int maxLimit,
            boolean offsets) {
        super(client, host, access, "GET", path, new Object[0], reader);
        this.maxLimit = maxLimit;
        this.offsets = offsets;
    }

    /** At most this many rows, 1 to the route's maximum. */
    public LimitRequest<T> limit(int limit) {
        if (limit < 1 || limit > maxLimit) {
            throw new IllegalArgumentException("limit must be between 1 and " + maxLimit + ", got " + limit);
        }
        return query("limit", limit);
    }

    /** Rows to skip, 0 or more. */
    public LimitRequest<T> offset(int offset) {
        if (!offsets) {
            throw new IllegalArgumentException("offset is not accepted by " + pathTemplate());
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, got " + offset);
        }
        return query("offset", offset);
    }
}
