package io.tally.alephant;

import io.tally.core.spi.ResponseReader;

/**
 * A Cockpit view over a {@code period} ({@code 24h}, {@code 7d}, {@code 30d} or
 * {@code billing_cycle}); only a virtual-key client may send it.
 *
 * @param <T> what the request returns
 */
public final class CockpitRequest<T> extends AlephantRequest<T, CockpitRequest<T>> {
    CockpitRequest(Alephant client, String path, ResponseReader<T> reader) {
        super(client, Host.COCKPIT, Access.VK_ONLY, "GET", path, new Object[0], reader);
    }

    /** The period; the route's default when not set. */
    public CockpitRequest<T> period(CockpitPeriod period) {
        return query("period", period == null ? null : period.wire());
    }
}
