package io.tally.alephant;

import io.tally.core.spi.ResponseReader;

/**
 * Seven-day trend arrays: {@code metrics} is a comma-separated list (e.g. {@code spend,requests})
 * or {@code all}.
 *
 * @param <T> what the request returns
 */
public final class SparklinesRequest<T> extends AlephantRequest<T, SparklinesRequest<T>> {
    SparklinesRequest(Alephant client, Host host, String path, ResponseReader<T> reader) {
        super(client, host, host == Host.ANALYTICS ? Access.VK_OR_WORKSPACE : Access.WORKSPACE, "GET", path,
                new Object[0], reader);
    }

    /**
     * These metrics (e.g. {@code spend}, {@code requests}, {@code tokens}, {@code success},
     * {@code latency}), or {@code all}.
     *
     * @throws IllegalArgumentException when none is given or one is blank or contains a comma
     */
    public SparklinesRequest<T> metrics(String... metrics) {
        if (metrics == null || metrics.length == 0) {
            throw new IllegalArgumentException("metrics must name at least one metric, or all");
        }
        for (String m : metrics) {
            if (m == null || m.trim().isEmpty() || m.contains(",")) {
                throw new IllegalArgumentException(
                        "metrics must be metric names such as spend or requests, got '" + m + "'");
            }
        }
        return query("metrics", String.join(",", metrics));
    }
}
