package io.tally.benchmarks;

import io.tally.altertable.Altertable;
import java.util.Map;

/**
 * Tally's Altertable client: {@code track} validates the call and snapshots the properties on the
 * caller's thread, then queues it; one sender thread assembles and writes the JSON payloads and posts
 * JSON arrays of up to
 * {@code maxBatchSize} payloads to {@code /track} once {@code flushAt} are queued. {@code flush()}
 * returns when Altertable has answered for everything queued before it.
 */
final class TallyDriver implements IngestDriver {

    private static final String API_KEY = "pk_test_benchmark";

    private final Altertable altertable;

    TallyDriver(DriverSettings settings) {
        Altertable.Builder builder = Altertable.builder()
                .apiKey(API_KEY)
                .baseUrl(settings.sinkUrl().toString())
                .queueCapacity(settings.queueCapacity());
        if (settings.overridesBatchSize()) {
            builder.maxBatchSize(settings.batchSize()).flushAt(settings.batchSize());
        }
        this.altertable = builder.build();
    }

    static String describe(DriverSettings settings) {
        return "Altertable.builder().apiKey(key).baseUrl(sink).queueCapacity("
                + settings.queueCapacity()
                + ")"
                + (settings.overridesBatchSize()
                        ? ".maxBatchSize(" + settings.batchSize() + ").flushAt(" + settings.batchSize() + ")"
                        : "; defaults: maxBatchSize 100, flushAt 20, flushInterval 5 s, 1 sender thread");
    }

    @Override
    public void track(String event, String distinctId, Map<String, Object> properties) {
        altertable.track(event, distinctId, properties);
    }

    @Override
    public void flush() {
        altertable.flush();
    }

    @Override
    public void close() {
        altertable.close();
    }
}
