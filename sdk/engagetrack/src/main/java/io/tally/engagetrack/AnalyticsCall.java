package io.tally.engagetrack;

import io.tally.core.spi.ResponseReader;

/**
 * An analytics query on one route: {@code period}, {@code date}, {@code filters}, {@code limit} (see
 * {@link AnalyticsRequest}).
 *
 * @param <T> what the request returns
 */
public final class AnalyticsCall<T> extends AnalyticsRequest<T, AnalyticsCall<T>> {
    AnalyticsCall(EngageTrack client, String pathTemplate, ResponseReader<T> reader, Object... pathValues) {
        super(client, pathTemplate, pathValues, reader);
    }
}
