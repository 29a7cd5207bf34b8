package io.tally.alephant;

import io.tally.core.spi.ResponseReader;

/**
 * An entity analytics request over the last {@code days} (1, 7 or 30, relative to today UTC);
 * absolute ranges are not possible on these routes. Without {@code days} the server's default
 * window is used.
 *
 * @param <T> what the request returns
 */
public final class DaysRequest<T> extends AlephantRequest<T, DaysRequest<T>> {
    DaysRequest(Alephant client, Host host, String path, Object[] pathValues, ResponseReader<T> reader) {
        super(client, host, host == Host.ANALYTICS ? Access.VK_OR_WORKSPACE : Access.WORKSPACE, "GET", path, pathValues,
                reader);
    }

    /**
     * The last 1, 7 or 30 days.
     *
     * @throws IllegalArgumentException for any other number
     */
    public DaysRequest<T> days(int days) {
        if (days != 1 && days != 7 && days != 30) {
            throw new IllegalArgumentException("days must be 1, 7 or 30, got " + days);
        }
        return query("days", days);
    }
}
