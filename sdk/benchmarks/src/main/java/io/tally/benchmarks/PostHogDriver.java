package io.tally.benchmarks;

import com.posthog.server.PostHog;
import com.posthog.server.PostHogCaptureOptions;
import com.posthog.server.PostHogConfig;
import com.posthog.server.PostHogInterface;
import java.util.Map;

/**
 * PostHog's {@code posthog-server} 2.3.3 (Kotlin): {@code capture(distinctId, event, options)}
 * hands the event to a single-thread executor, which appends it to an in-memory queue and, once
 * {@code flushAt} events wait, posts one batch of up to {@code maxBatchSize} to {@code /batch}
 * (gzip). {@code flush()} sends one batch on the calling thread; {@code close()} does not flush, so
 * the harness flushes until the sink has everything before closing.
 */
final class PostHogDriver implements IngestDriver {

    static final String VERSION = "2.3.3";
    private static final String API_KEY = "phc_benchmark";

    private final PostHogInterface posthog;

    PostHogDriver(DriverSettings settings) {
        PostHogConfig.Builder builder = PostHogConfig.builder(API_KEY)
                .host(settings.sinkUrl().toString())
                .maxQueueSize(settings.queueCapacity());
        if (settings.overridesBatchSize()) {
            builder.flushAt(settings.batchSize()).maxBatchSize(settings.batchSize());
        }
        this.posthog = PostHog.with(builder.build());
    }

    static String describe(DriverSettings settings) {
        return "PostHogConfig.builder(key).host(sink).maxQueueSize("
                + settings.queueCapacity()
                + ")"
                + (settings.overridesBatchSize()
                        ? ".flushAt(" + settings.batchSize() + ").maxBatchSize(" + settings.batchSize() + ")"
                        : "; defaults: flushAt 20, maxBatchSize 50, flushIntervalSeconds 30");
    }

    @Override
    public void track(String event, String distinctId, Map<String, Object> properties) {
        posthog.capture(
                distinctId, event, PostHogCaptureOptions.builder().properties(properties).build());
    }

    @Override
    public void flush() {
        posthog.flush();
    }

    @Override
    public boolean flushSendsOneBatch() {
        return true;
    }

    @Override
    public void close() {
        posthog.close();
    }
}
