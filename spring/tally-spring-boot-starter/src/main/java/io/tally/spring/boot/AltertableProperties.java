package io.tally.spring.boot;

import io.tally.altertable.Altertable;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code tally.altertable.*}: the Altertable client. The client is created when
 * {@code tally.altertable.api-key} is set (and {@code tally.altertable.enabled} is not {@code false});
 * it is flushed and closed when the application context shuts down.
 */
@ConfigurationProperties(prefix = "tally.altertable")
public class AltertableProperties extends TallyClientProperties {
    /** The Product Analytics API key (pk_live_... or pk_test_...). */
    private @Nullable String apiKey;

    /** The environment every payload is written to (SDK default production). */
    private @Nullable String environment;

    /** The release recorded with every event. */
    private @Nullable String release;

    /** Events per batch (SDK default 100). */
    private @Nullable Integer maxBatchSize;

    /** Queued events that trigger a send (SDK default 20). */
    private @Nullable Integer flushAt;

    /** The longest an event waits before it is sent (SDK default 5 s). */
    private @Nullable Duration flushInterval;

    /** Events kept in memory while they wait (SDK default 1000). */
    private @Nullable Integer queueCapacity;

    /** A directory for the durable queue, so that unsent events survive a restart. */
    private @Nullable Path durableQueue;

    /** The most disk space the durable queue may take (SDK default 64MB). */
    private @Nullable DataSize durableQueueMaxBytes;

    /** Limit for one delivery request (SDK default 10 s). */
    private @Nullable Duration requestTimeout;

    /** How long shutdown waits for queued events to be sent (SDK default 10 s). */
    private @Nullable Duration closeTimeout;

    /** Creates the properties with every value unset. */
    public AltertableProperties() {}

    /**
     * A builder with these settings.
     *
     * @return the builder, not yet built
     * @throws IllegalArgumentException naming the setting when a value is invalid
     */
    public Altertable.Builder toBuilder() {
        Altertable.Builder builder = Altertable.builder();
        applyTo(builder);
        if (apiKey != null && hasText(apiKey)) {
            builder.apiKey(apiKey.trim());
        }
        if (environment != null) {
            builder.environment(environment);
        }
        if (release != null) {
            builder.release(release);
        }
        if (maxBatchSize != null) {
            builder.maxBatchSize(maxBatchSize);
        }
        if (flushAt != null) {
            builder.flushAt(flushAt);
        }
        if (flushInterval != null) {
            builder.flushInterval(flushInterval);
        }
        if (queueCapacity != null) {
            builder.queueCapacity(queueCapacity);
        }
        if (durableQueue != null) {
            builder.durableQueue(durableQueue);
        }
        if (durableQueueMaxBytes != null) {
            builder.durableQueueMaxBytes(durableQueueMaxBytes.toBytes());
        }
        if (requestTimeout != null) {
            builder.requestTimeout(requestTimeout);
        }
        if (closeTimeout != null) {
            builder.closeTimeout(closeTimeout);
        }
        return builder;
    }

    /** @return the API key, or {@code null} */
    public @Nullable String getApiKey() {
        return apiKey;
    }

    /** @param apiKey the Product Analytics API key */
    public void setApiKey(@Nullable String apiKey) {
        this.apiKey = apiKey;
    }

    /** @return the environment slug, or {@code null} for the default */
    public @Nullable String getEnvironment() {
        return environment;
    }

    /** @param environment the environment every payload is written to */
    public void setEnvironment(@Nullable String environment) {
        this.environment = environment;
    }

    /** @return the release, or {@code null} */
    public @Nullable String getRelease() {
        return release;
    }

    /** @param release the release recorded with every event */
    public void setRelease(@Nullable String release) {
        this.release = release;
    }

    /** @return events per batch, or {@code null} for the default */
    public @Nullable Integer getMaxBatchSize() {
        return maxBatchSize;
    }

    /** @param maxBatchSize events per batch */
    public void setMaxBatchSize(@Nullable Integer maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    /** @return queued events that trigger a send, or {@code null} for the default */
    public @Nullable Integer getFlushAt() {
        return flushAt;
    }

    /** @param flushAt queued events that trigger a send */
    public void setFlushAt(@Nullable Integer flushAt) {
        this.flushAt = flushAt;
    }

    /** @return the flush interval, or {@code null} for the default */
    public @Nullable Duration getFlushInterval() {
        return flushInterval;
    }

    /** @param flushInterval the longest an event waits before it is sent */
    public void setFlushInterval(@Nullable Duration flushInterval) {
        this.flushInterval = flushInterval;
    }

    /** @return the memory queue's capacity, or {@code null} for the default */
    public @Nullable Integer getQueueCapacity() {
        return queueCapacity;
    }

    /** @param queueCapacity events kept in memory while they wait */
    public void setQueueCapacity(@Nullable Integer queueCapacity) {
        this.queueCapacity = queueCapacity;
    }

    /** @return the durable queue directory, or {@code null} for none */
    public @Nullable Path getDurableQueue() {
        return durableQueue;
    }

    /** @param durableQueue a directory for the durable queue */
    public void setDurableQueue(@Nullable Path durableQueue) {
        this.durableQueue = durableQueue;
    }

    /** @return the durable queue's size limit, or {@code null} for the default */
    public @Nullable DataSize getDurableQueueMaxBytes() {
        return durableQueueMaxBytes;
    }

    /** @param durableQueueMaxBytes the most disk space the durable queue may take */
    public void setDurableQueueMaxBytes(@Nullable DataSize durableQueueMaxBytes) {
        this.durableQueueMaxBytes = durableQueueMaxBytes;
    }

    /** @return the request timeout, or {@code null} for the default */
    public @Nullable Duration getRequestTimeout() {
        return requestTimeout;
    }

    /** @param requestTimeout limit for one delivery request */
    public void setRequestTimeout(@Nullable Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /** @return the close timeout, or {@code null} for the default */
    public @Nullable Duration getCloseTimeout() {
        return closeTimeout;
    }

    /** @param closeTimeout how long shutdown waits for queued events to be sent */
    public void setCloseTimeout(@Nullable Duration closeTimeout) {
        this.closeTimeout = closeTimeout;
    }
}
