package io.tally.benchmarks;

import com.segment.analytics.Analytics;
import com.segment.analytics.messages.TrackMessage;
import java.util.Map;

/**
 * Segment's {@code analytics-java} 3.5.4: {@code enqueue(TrackMessage.builder(..))} into its
 * in-memory queue; a looper thread cuts batches (250 messages or 500 KB by default) and one network
 * thread posts them to {@code /v1/import/}.
 */
final class SegmentDriver implements IngestDriver {

    static final String VERSION = "3.5.4";
    private static final String WRITE_KEY = "benchmark-write-key";

    private final Analytics analytics;

    SegmentDriver(DriverSettings settings) {
        Analytics.Builder builder = Analytics.builder(WRITE_KEY)
                .endpoint(settings.sinkUrl().toString())
                .queueCapacity(settings.queueCapacity());
        if (settings.overridesBatchSize()) {
            builder.flushQueueSize(settings.batchSize());
        }
        this.analytics = builder.build();
    }

    static String describe(DriverSettings settings) {
        return "Analytics.builder(key).endpoint(sink).queueCapacity("
                + settings.queueCapacity()
                + ")"
                + (settings.overridesBatchSize()
                        ? ".flushQueueSize(" + settings.batchSize() + ")"
                        : "; defaults: flushQueueSize 250, flushInterval 10 s, 1 network thread");
    }

    @Override
    public void track(String event, String distinctId, Map<String, Object> properties) {
        analytics.enqueue(TrackMessage.builder(event).userId(distinctId).properties(properties));
    }

    @Override
    public void flush() {
        analytics.flush();
    }

    @Override
    public void close() {
        analytics.shutdown();
    }
}
