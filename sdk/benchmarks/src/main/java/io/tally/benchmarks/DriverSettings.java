package io.tally.benchmarks;

import java.net.URI;

/**
 * What every driver is given: where the sink is, how many events its queue must hold, and an
 * optional batch size that overrides the library's own default.
 *
 * @param sinkUrl base URL of the {@link LocalSink}, without a trailing slash
 * @param queueCapacity events the client must be able to hold without dropping any
 * @param batchSize events per request, or 0 to keep each library's default
 */
record DriverSettings(URI sinkUrl, int queueCapacity, int batchSize) {

    boolean overridesBatchSize() {
        return batchSize > 0;
    }
}
