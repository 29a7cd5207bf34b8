package io.tally.engagetrack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.core.ClientBuilder;
import io.tally.core.ClientOptions;
import io.tally.core.Credentials;
import io.tally.core.Environment;
import io.tally.core.RetryPolicy;
import io.tally.core.delivery.DeliveryFailure;
import io.tally.core.delivery.DeliveryPipeline;
import io.tally.core.delivery.DurableLog;
import io.tally.core.delivery.FlushResult;
import io.tally.core.delivery.SendOutcome;
import io.tally.core.delivery.Ticker;
import io.tally.core.spi.ClientContext;
import io.tally.engagetrack.model.IdentifyCall;
import io.tally.engagetrack.model.TrackedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Sends EngageTrack events and identifies from a server in the background: queued, paced, retried, bounded in
 * memory and optionally kept on disk. The recommended way to ingest from a server; {@link EngageTrack#ingestion()}
 * sends one request at once, with no queue.
 *
 * <pre>{@code
 * EngageTrackSender events = EngageTrackSender.init();          // production URL, defaults below
 * events.event(TrackedEvent.builder("pk_live_abc", "https://shop.example.com/thanks")
 *     .eventType(EventType.PURCHASE).revenue(149.99).currency("USD").visitorUid(uid).build());
 * events.identify(IdentifyCall.builder("pk_live_abc", uid, "user-42").build());
 * events.close();                                              // sends what is queued first
 * }</pre>
 *
 * <h2>Delivery</h2>
 * EngageTrack has no batch endpoint, so every record is one {@code POST /event} or {@code POST /identify}
 * (no {@code Authorization} header: the site's public id in the body names the site), sent in the order queued
 * by one daemon thread, at most one request per {@link Builder#pace pace} (125 ms by default: 8 a second, 480 a
 * minute, under the documented 600 a minute).
 * <ul>
 *   <li>429 waits until {@code X-RateLimit-Reset} (a Unix time) or the body's RFC 3339 retry time, then sends the
 *       same record again; network errors, 408 and 5xx are retried with exponential backoff (1 s doubling to 10 s,
 *       up to 50 % shorter at random, 3 retries per round). When a round fails the record stays queued, a
 *       {@link DeliveryFailure.Kind#UNAVAILABLE} failure is reported, and a new round starts after a pause or at
 *       once on {@link #flush()}. Transient failures never drop records.</li>
 *   <li>Any other 4xx means EngageTrack refused the record: it is dropped and reported as
 *       {@link DeliveryFailure.Kind#REJECTED}.</li>
 *   <li>The memory queue holds {@link Builder#queueCapacity 1000} records; beyond it the oldest is dropped, and
 *       the drops are reported once per episode as {@link DeliveryFailure.Kind#QUEUE_OVERFLOW}.</li>
 *   <li>With a {@link Builder#durableQueue(Path) durable queue} every record is appended to a log on disk first,
 *       and a new sender on the same directory sends what the previous one left unacknowledged (after a crash,
 *       a kill or {@link #close()} with the server down); the disk bounds an outage
 *       ({@link Builder#durableQueueMaxBytes 64 MiB}).</li>
 * </ul>
 * At least once: a record whose answer was lost (a timeout) is sent again, and EngageTrack has no idempotency key.
 *
 * <p>Thread-safe. {@link #event} and {@link #identify} never block on the network and never throw for delivery
 * problems: those go to the {@link Builder#onError error handler} (on the sender thread) and to the
 * {@code io.tally.engagetrack} logger.
 */
public final class EngageTrackSender implements AutoCloseable {
    /** The least time between two requests by default: 8 a second, under EngageTrack's 600 a minute. */
    public static final Duration DEFAULT_PACE = Duration.ofMillis(125);
    static final int EVENT = 1;
    static final int IDENTIFY = 2;

    private final ObjectMapper mapper;
    private final Duration closeTimeout;
    private final DeliveryPipeline pipeline;

    private EngageTrackSender(ObjectMapper mapper, Duration closeTimeout, DeliveryPipeline pipeline) {
        this.mapper = mapper;
        this.closeTimeout = closeTimeout;
        this.pipeline = pipeline;
    }

    /**
     * A sender to the production API with the defaults.
     *
     * @return a running sender; close it when done
     */
    public static EngageTrackSender init() {
        return builder().build();
    }

    /**
     * A sender configured from {@code ENGAGETRACK_BASE_URL}, {@code ENGAGETRACK_TIMEOUT_SECONDS},
     * {@code ENGAGETRACK_MAX_RETRIES} and {@code TALLY_LOG_LEVEL} (all optional).
     *
     * @return a running sender
     */
    public static EngageTrackSender fromEnv() {
        return builder().fromEnv(Environment.system()).build();
    }

    /**
     * A builder for a sender with settings of your choosing.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Queues {@code POST /event} with this event; returns at once.
     *
     * @param event the event (checked when it was built)
     * @throws NullPointerException when {@code event} is null; nothing is queued
     */
    public void event(TrackedEvent event) {
        Objects.requireNonNull(event, "event");
        pipeline.enqueue(EVENT, serialise(event));
    }

    /**
     * Queues {@code POST /identify}, linking an anonymous visitor to your user id; returns at once.
     *
     * @param identify the call (checked when it was built)
     * @throws NullPointerException when {@code identify} is null; nothing is queued
     */
    public void identify(IdentifyCall identify) {
        Objects.requireNonNull(identify, "identify");
        pipeline.enqueue(IDENTIFY, serialise(identify));
    }

    /**
     * Sends everything queued so far and waits until EngageTrack answered for all of it, or a delivery round
     * failed (the records stay queued). Called from the error handler, it returns at once.
     *
     * @return what became of the records queued before the call
     */
    public FlushResult flush() {
        return pipeline.flush();
    }

    /**
     * {@link #flush()}, waiting at most {@code timeout}; what is not done by then counts as pending.
     *
     * @param timeout the longest wait
     * @return what became of the records queued before the call
     * @throws IllegalArgumentException when {@code timeout} is null or negative
     */
    public FlushResult flush(Duration timeout) {
        return pipeline.flush(timeout);
    }

    /**
     * Records queued and not yet acknowledged, refused or dropped.
     *
     * @return the count
     */
    public int queuedCount() {
        return pipeline.size();
    }

    /**
     * Sends what is queued (waiting at most the {@link Builder#closeTimeout close timeout}), then stops the sender
     * thread and releases the durable queue. Records still unsent stay in the durable queue, or without one are
     * reported as {@link DeliveryFailure.Kind#CLOSED}. Idempotent.
     */
    @Override
    public void close() {
        pipeline.close(closeTimeout);
    }

    /** Stops at once as a crash would: nothing sent, synced or acknowledged (tests of the durable queue). */
    void crashForTesting() {
        pipeline.abandon();
    }

    @Override
    public String toString() {
        return "EngageTrackSender[" + pipeline.size() + " queued]";
    }

    private byte[] serialise(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("could not serialise " + value.getClass().getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Sends one record through tally-core with no retries of its own: the pipeline retries. */
    static final class HttpRecordSender implements io.tally.core.delivery.RecordSender {
        private final EngageTrack client;
        private final Clock clock;

        HttpRecordSender(EngageTrack client, Clock clock) {
            this.client = client;
            this.clock = clock;
        }

        @Override
        public SendOutcome send(int type, List<byte[]> records) {
            String path = type == IDENTIFY ? "/identify" : "/event";
            try {
                new EngageTrackCall<>(client, "POST", path, RouteAuth.NONE, Readers.accepted())
                        .rawJson(records.get(0)).maxRetries(0).execute();
                return SendOutcome.delivered(202);
            } catch (RuntimeException e) {
                return SendOutcome.classify(e, clock);
            }
        }
    }

    /**
     * Configures an {@link EngageTrackSender}. Nothing is required.
     *
     * <table>
     *   <caption>Settings and defaults</caption>
     *   <tr><th>Setting</th><th>Default</th></tr>
     *   <tr><td>{@link #baseUrl}</td><td>{@value EngageTrack#DEFAULT_BASE_URL}</td></tr>
     *   <tr><td>{@link #pace}</td><td>125 ms between requests</td></tr>
     *   <tr><td>{@link #queueCapacity}</td><td>1000 records, oldest dropped beyond</td></tr>
     *   <tr><td>{@link #retryPolicy}</td><td>3 retries per round, 1 s doubling to 10 s, 50 % jitter; server
     *       retry times honoured up to 60 s</td></tr>
     *   <tr><td>{@link #durableQueue}</td><td>none: memory only</td></tr>
     *   <tr><td>{@link #durableQueueMaxBytes}</td><td>64 MiB on disk, newest dropped beyond</td></tr>
     *   <tr><td>{@link #closeTimeout}</td><td>10 s</td></tr>
     * </table>
     */
    public static final class Builder extends ClientBuilder<Builder, EngageTrackSender> {
        private Duration pace = DEFAULT_PACE;
        private int queueCapacity = 1000;
        private @Nullable Path durableQueue;
        private long durableQueueMaxBytes = DurableLog.DEFAULT_MAX_BYTES;
        private DurableLog.Io durableQueueIo = DurableLog.Io.REAL;
        private @Nullable Consumer<DeliveryFailure> onError;
        private Duration closeTimeout = Duration.ofSeconds(10);
        private Ticker ticker = Ticker.SYSTEM;

        private Builder() {
            super("EngageTrack", "ENGAGETRACK", "https://api.engagetrack.net/api/v1");
            baseUrl(EngageTrack.DEFAULT_BASE_URL);
            retryPolicy(RetryPolicy.builder().maxRetries(3).initialBackoff(Duration.ofSeconds(1))
                    .maxBackoff(Duration.ofSeconds(10)).jitter(0.5).maxRetryAfter(Duration.ofSeconds(60)).build());
        }

        /**
         * The least time between the starts of two requests; zero for none. Keep it at or above 100 ms to stay
         * under EngageTrack's 600 requests a minute.
         *
         * @param pace zero or positive
         * @return this builder
         * @throws IllegalArgumentException when null or negative
         */
        public Builder pace(Duration pace) {
            if (pace == null || pace.isNegative()) {
                throw new IllegalArgumentException("pace must be zero or positive, got " + pace);
            }
            this.pace = pace;
            return this;
        }

        /**
         * How many records the queue holds in memory; beyond it the oldest are dropped (reported once per episode).
         * With a durable queue, further records wait on disk and this bounds only what is held in memory while the
         * disk fails.
         *
         * @param queueCapacity 1 to 10,000,000
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder queueCapacity(int queueCapacity) {
            if (queueCapacity < 1 || queueCapacity > 10_000_000) {
                throw new IllegalArgumentException(
                        "queueCapacity must be between 1 and 10000000, got " + queueCapacity);
            }
            this.queueCapacity = queueCapacity;
            return this;
        }

        /**
         * Keeps the queue in this directory too, so records survive a crash or restart: a new sender on the same
         * directory sends what was not acknowledged. One sender per directory at a time. {@code null} for memory
         * only.
         *
         * @param directory the directory, created if needed
         * @return this builder
         */
        public Builder durableQueue(@Nullable Path directory) {
            this.durableQueue = directory;
            return this;
        }

        /**
         * The most disk space the durable queue may take; beyond it new records are dropped (reported once per
         * episode).
         *
         * @param maxBytes at least 16 KiB
         * @return this builder
         * @throws IllegalArgumentException when below 16 KiB
         */
        public Builder durableQueueMaxBytes(long maxBytes) {
            if (maxBytes < DurableLog.MIN_MAX_BYTES) {
                throw new IllegalArgumentException("durableQueueMaxBytes must be at least " + DurableLog.MIN_MAX_BYTES
                        + " (16 KiB), got " + maxBytes);
            }
            this.durableQueueMaxBytes = maxBytes;
            return this;
        }

        /**
         * Receives every delivery failure, on the sender thread; anything it throws is logged and ignored.
         *
         * @param onError the handler, or {@code null} for logging only
         * @return this builder
         */
        public Builder onError(@Nullable Consumer<DeliveryFailure> onError) {
            this.onError = onError;
            return this;
        }

        /**
         * How long {@link EngageTrackSender#close()} may spend sending what is queued.
         *
         * @param closeTimeout zero or positive
         * @return this builder
         * @throws IllegalArgumentException when null or negative
         */
        public Builder closeTimeout(Duration closeTimeout) {
            if (closeTimeout == null || closeTimeout.isNegative()) {
                throw new IllegalArgumentException("closeTimeout must be zero or positive, got " + closeTimeout);
            }
            this.closeTimeout = closeTimeout;
            return this;
        }

        /** For tests: the ticker the sender thread paces and waits with. */
        Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** For tests: the durable queue's file I/O. */
        Builder durableQueueIo(DurableLog.Io io) {
            this.durableQueueIo = Objects.requireNonNull(io, "io");
            return this;
        }

        /** The base URL is {@link EngageTrack#DEFAULT_BASE_URL} unless set. */
        @Override
        protected boolean hasDefaultBaseUrl() {
            return true;
        }

        /**
         * Creates the sender and starts its thread; with a durable queue, opens it and queues what a previous
         * sender left unsent.
         *
         * @return the running sender
         * @throws IllegalStateException when the durable queue directory is in use by another sender
         * @throws UncheckedIOException  when the durable queue directory cannot be opened
         */
        @Override
        public EngageTrackSender build() {
            credentials(Credentials.none());
            ClientOptions shared = buildOptions();
            // the pipeline retries whole records with the policy; each HTTP attempt is sent once
            ClientOptions options = shared.toBuilder().retryPolicy(RetryPolicy.none()).build();
            EngageTrack client = new EngageTrack(ClientContext.create(EngageTrack.PROVIDER, options), null, false);
            DurableLog log = null;
            if (durableQueue != null) {
                try {
                    log = DurableLog.open(durableQueue, durableQueueMaxBytes, durableQueueIo, "EngageTrack sender");
                } catch (IOException e) {
                    throw new UncheckedIOException("could not open the durable queue directory " + durableQueue, e);
                }
            }
            DeliveryPipeline pipeline = DeliveryPipeline
                    .builder("EngageTrack", new HttpRecordSender(client, shared.clock()))
                    .recordType(EVENT, "/event")
                    .recordType(IDENTIFY, "/identify")
                    .loggerName("io.tally.engagetrack")
                    .maxBatchSize(1)
                    .flushAt(1)
                    .flushInterval(Duration.ZERO)
                    .pause(shared.retryPolicy().maxBackoff())
                    .pace(pace)
                    .capacity(queueCapacity)
                    .retryPolicy(shared.retryPolicy())
                    .sleeper(shared.sleeper())
                    .clock(shared.clock())
                    .ticker(ticker)
                    .durableLog(log)
                    .onError(onError)
                    .build();
            return new EngageTrackSender(EngageTrack.PROVIDER.mapper(), closeTimeout, pipeline);
        }
    }
}
