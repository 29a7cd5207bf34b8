package io.tally.benchmarks;

import java.util.Map;

/**
 * One library's event client, reduced to what the ingest benchmark does with it.
 *
 * <p>A driver is opened for one run and closed after it. Implementations call the library's
 * public API the way its documentation shows, with nothing a user would not write.
 */
interface IngestDriver extends AutoCloseable {

    /** Queues one event; this call is what the latency columns time. */
    void track(String event, String distinctId, Map<String, Object> properties);

    /** Asks the client to send what it holds; the harness then waits for the sink to have it all. */
    void flush();

    /**
     * Whether one {@link #flush()} sends only part of the queue, so the harness must keep calling it
     * (a millisecond apart) until the sink has every event. True for PostHog, whose {@code flush()}
     * sends one batch of {@code maxBatchSize} events per call.
     */
    default boolean flushSendsOneBatch() {
        return false;
    }

    /** Shuts the client down; the harness calls it once the sink has every event, or gave up. */
    @Override
    void close();
}
