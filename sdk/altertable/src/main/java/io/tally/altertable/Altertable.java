package io.tally.altertable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.altertable.internal.AltertableErrors;
import io.tally.core.delivery.DeliveryPipeline;
import io.tally.core.delivery.DurableLog;
import io.tally.altertable.internal.EventType;
import io.tally.altertable.internal.Payloads;
import io.tally.core.ClientBuilder;
import io.tally.core.ClientOptions;
import io.tally.core.Credentials;
import io.tally.core.RawRequests;
import io.tally.core.Environment;
import io.tally.core.spi.ProviderInfo;
import io.tally.core.RetryPolicy;
import io.tally.core.Tally;
import io.tally.core.spi.ClientContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Sends events to Altertable's Product Analytics API from a server: every call names its ids, the
 * client keeps no identity state, and delivery happens in the background, batched, retried and
 * (optionally) backed by a queue on disk. For apps with a persistent anonymous identity, sessions
 * and consent (Android), wrap a client in {@link AltertableMobile}.
 *
 * <pre>{@code
 * Altertable altertable = Altertable.init("pk_live_…");                 // production
 * altertable.track("Checkout Completed", "user-42", Map.of("order_total", 99.99));
 * altertable.identify("user-42", Map.of("email", "ada@example.com", "plan", "pro"));
 * altertable.alias("user-42", "stripe:cus_abc123");
 * altertable.close();                                                  // flushes
 * }</pre>
 *
 * <h2>What is sent</h2>
 * Each call is checked at once (a bad argument throws {@link IllegalArgumentException} naming it,
 * and nothing is queued) and its properties or traits are copied, then it is queued; the JSON payload
 * is written on the sender thread (with a durable queue, before the call returns):
 * <ul>
 *   <li>{@code environment} is always present (the client's, {@code production} by default);</li>
 *   <li>track {@code properties} is always an object and carries {@code $lib} ({@code tally-java}),
 *       {@code $lib_version} and, when configured, {@code $release}; keys you pass win;</li>
 *   <li>{@code timestamp} is always sent, as ISO 8601 UTC with milliseconds
 *       ({@code 2026-06-15T14:30:00.000Z}): the time of the call unless you give one (an
 *       {@link Instant}, an ISO 8601 string, or Unix epoch seconds, converted before sending);</li>
 *   <li>ids are trimmed; empty, whitespace-only, over-1024-character and reserved ids
 *       ({@code anonymous}, {@code guest}, {@code null}, {@code undefined}, {@code 0}, … — the
 *       spec's list, case-insensitively or exactly as it says) are refused;</li>
 *   <li>{@code session_id} is never sent, and absent values are left out rather than sent as
 *       {@code null}.</li>
 * </ul>
 *
 * <h2>Delivery</h2>
 * Payloads are sent as JSON arrays to the endpoint of their type ({@code /track},
 * {@code /identify}, {@code /alias}), at most {@link Builder#maxBatchSize 100} per request, in the
 * order they were queued (so events of one distinct id keep their order), by one daemon thread per
 * client. A batch leaves when {@link Builder#flushAt 20} payloads are queued, when the oldest has
 * waited {@link Builder#flushInterval 5 s}, on {@link #flush()} and on {@link #close()}.
 * <ul>
 *   <li>Network errors, 408, 429 and 5xx are retried with exponential backoff (1 s, 2 s, 4 s, at most
 *       10 s, up to 50 % shorter at random; 3 retries per round), waiting for {@code Retry-After}
 *       instead when the server sends it (at most the policy's {@code maxRetryAfter}). When a round
 *       fails, the payloads stay queued, {@link DeliveryFailure.Kind#UNAVAILABLE} is reported, and a
 *       new round starts after a pause (the longer of the flush interval and the maximum backoff),
 *       or at once on {@code flush()}. Transient failures never drop payloads.</li>
 *   <li>Any other 4xx means Altertable refused the batch: it is dropped, not resent, and
 *       reported as {@link DeliveryFailure.Kind#REJECTED} with the server's {@code error_code}.
 *       {@code environment-not-found} (400 or 422) also logs a warning naming the dashboard page
 *       that creates the environment. A 413 splits the batch instead.</li>
 *   <li>The memory queue holds {@link Builder#queueCapacity 1000} payloads. Without a durable
 *       queue, when it is full the <b>oldest</b> payload is dropped to make room; the drops are
 *       reported once per episode as {@link DeliveryFailure.Kind#QUEUE_OVERFLOW}, with the count,
 *       the time of the first and last drop and a sample of the payloads.</li>
 *   <li>With a {@link Builder#durableQueue(Path) durable queue}, every payload is also appended to
 *       a log on disk before {@code track} returns, and the log's cursor moves only once Altertable
 *       has answered; a new client on the same directory resends whatever a crash, a kill or a
 *       power cut (for payloads already synced, which happens before each send) left behind. The
 *       disk, not the memory queue, bounds an outage: {@link Builder#durableQueueMaxBytes 64 MiB} by
 *       default, beyond which <b>new</b> payloads are dropped (reported once per episode). When a
 *       write fails (a full disk), payloads are held in memory, the disk is tried again every
 *       second, and once it accepts writes the held payloads are written to it and what was held
 *       is reported. Each record carries a sequence number and checksums, so damage to the files
 *       (a flipped bit, a lost byte, a cut tail, a deleted segment) costs only the damaged records,
 *       and their count is reported as {@link DeliveryFailure.Kind#STORAGE}; a cursor that cannot be
 *       trusted makes the client resend everything on disk rather than skip anything.</li>
 * </ul>
 *
 * <h2>Guarantee: at least once</h2>
 * A payload leaves the queue only when Altertable acknowledged it (2xx), refused it (reported),
 * or it was dropped by overflow or by closing a client without a durable queue (reported). It can
 * therefore arrive <b>more than once</b>, never silently not at all:
 * <ul>
 *   <li>when a request reached Altertable but its answer did not reach the client (a timeout, a
 *       dropped connection), the whole batch is sent again;</li>
 *   <li>Altertable stores a batch item by item (batches are not atomic), so a 5xx in the middle of a
 *       batch can leave its first items stored, and they are sent again with the rest;</li>
 *   <li>with a durable queue, a crash between Altertable's answer and the cursor update resends that
 *       batch on the next start;</li>
 *   <li>with a durable queue whose cursor cannot be trusted at start (missing, damaged, or pointing
 *       past the last record), everything on disk is sent again.</li>
 * </ul>
 * Each such incident but the last repeats at most one batch, so duplicates are bounded by the
 * batch size times the number of incidents (an untrusted cursor repeats what is on disk). Altertable has no idempotency key to deduplicate them; lower
 * {@code maxBatchSize} if duplicates matter more than request count.
 *
 * <h2>Errors and threads</h2>
 * Thread-safe. The calls never block on the network and never throw for delivery problems;
 * those go to the {@link Builder#onError error handler} (called on the sender thread) and to the
 * {@code io.tally.altertable} logger. Nothing the sender does or the handler throws reaches your
 * code. The API key never appears in logs, messages or {@code toString()}.
 */
public final class Altertable implements AutoCloseable {
    /** The API's base URL. */
    public static final String DEFAULT_BASE_URL = "https://api.altertable.ai";
    /** The library name sent as {@code $lib}. */
    public static final String LIBRARY_NAME = "tally-java";

    private final AltertableEnvironment environment;
    private final @Nullable String release;
    private final String libraryName;
    private final String libraryVersion;
    private final String keyFingerprint;
    private final Clock clock;
    private final Duration closeTimeout;
    private final String baseUrl;
    private final DeliveryPipeline pipeline;
    private static final int TRACK_RECORD = recordType(EventType.TRACK);
    /** Raw requests share the client's connection and settings. */
    private final RawRequests raw;

    /**
     * A client with the builder's settings; {@code shared} holds the settings the sender uses directly (retries,
     * clock, sleeper), and {@code b.apiKey} was checked by the caller.
     */
    private Altertable(Builder b, ClientOptions shared, EventSender sender, @Nullable DurableLog log,
            RawRequests raw) {
        this.environment = b.environment;
        this.release = b.release;
        this.libraryName = b.libraryName;
        this.libraryVersion = b.libraryVersion;
        this.keyFingerprint = fingerprint(Objects.requireNonNull(b.apiKey, "apiKey"));
        this.clock = shared.clock();
        this.raw = raw;
        this.closeTimeout = b.closeTimeout;
        this.baseUrl = b.baseUrl;
        DeliveryPipeline.Builder p = DeliveryPipeline.builder("Altertable",
                (code, payloads) -> sender.send(eventType(code), payloads))
                .loggerName("io.tally.altertable")
                .maxBatchSize(b.maxBatchSize)
                .flushAt(b.flushAt)
                .capacity(b.queueCapacity)
                .flushInterval(b.flushInterval)
                .pause(max(b.flushInterval, shared.retryPolicy().maxBackoff()))
                .retryPolicy(shared.retryPolicy())
                .sleeper(shared.sleeper())
                .ticker(b.ticker)
                .clock(clock)
                .durableLog(log);
        for (EventType type : EventType.values()) {
            p.recordType(recordType(type), type.path());
        }
        Consumer<DeliveryFailure> onError = b.onError;
        if (onError != null) {
            p.onError(f -> onError.accept(new DeliveryFailure(f)));
        }
        this.pipeline = p.build();
    }

    /** A client for the {@code production} environment with default settings. */
    public static Altertable init(String apiKey) {
        return builder().apiKey(apiKey).build();
    }

    /** A client for {@code environment} with default settings. */
    public static Altertable init(String apiKey, AltertableEnvironment environment) {
        return builder().apiKey(apiKey).environment(environment).build();
    }

    /**
     * A client configured from the process environment; see {@link Builder#fromEnvironment}.
     *
     * @throws IllegalStateException when {@code ALTERTABLE_API_KEY} is not set or a variable is invalid
     */
    public static Altertable fromEnv() {
        return fromEnv(Environment.system());
    }

    /** A client configured from {@code env}; see {@link Builder#fromEnvironment}. */
    public static Altertable fromEnv(Environment env) {
        return builder().fromEnvironment(env).build();
    }

    /** A builder for a client with settings of your choosing; only the API key is required. */
    public static Builder builder() {
        return new Builder();
    }

    // ---- server-tier calls -----------------------------------------------------------------------

    /** Records that {@code distinctId} did {@code event}, now, with no properties. */
    public void track(String event, String distinctId) {
        track(event, distinctId, (Map<String, ?>) null);
    }

    /** Records that {@code distinctId} did {@code event}, now, with these properties ({@code null} for none). */
    public void track(String event, String distinctId, @Nullable Map<String, ?> properties) {
        // the checks run here, on the caller; the payload is assembled and written on the sender thread
        String name = Payloads.eventName("event", event);
        String distinct = Payloads.userId("distinctId", distinctId);
        ObjectNode props = Payloads.toObject("properties", properties, "property key must not be null");
        enqueueTrack(name, distinct, null, null, clock.instant(), props);
    }

    /**
     * Records that {@code distinctId} did {@code event}.
     *
     * @param event      the event's name, e.g. {@code "Button Clicked"}; not blank
     * @param distinctId the user id or anonymous id the event belongs to; not blank or reserved
     * @param options    properties, anonymous id, device id, timestamp
     * @throws IllegalArgumentException naming the argument that is invalid; nothing is queued
     */
    public void track(String event, String distinctId, TrackOptions options) {
        Objects.requireNonNull(options, "options");
        String name = Payloads.eventName("event", event);
        String distinct = Payloads.userId("distinctId", distinctId);
        ObjectNode properties = Payloads.toObject("properties", options.properties());
        enqueueTrack(name, distinct, options.anonymousId(), options.deviceId(), timestampOrNow(options.timestamp()),
                properties);
    }

    /** Queues a track whose payload is built and written when it is sent (or at once with a durable queue). */
    private void enqueueTrack(String event, String distinctId, @Nullable String anonymousId, @Nullable String deviceId,
            Instant timestamp, ObjectNode properties) {
        pipeline.enqueue(TRACK_RECORD, () -> Payloads.toBytes(trackPayload(event, distinctId, anonymousId, deviceId,
                null, timestamp, properties)));
    }

    /** Identifies {@code userId}, with no traits. */
    public void identify(String userId) {
        identify(userId, IdentifyOptions.none());
    }

    /** Identifies {@code userId} and sets these traits ({@code null} for none). */
    public void identify(String userId, @Nullable Map<String, ?> traits) {
        identify(userId, IdentifyOptions.builder().traits(traits).build());
    }

    /**
     * Identifies {@code userId} (sent as {@code distinct_id}): creates or updates the user, merges
     * the traits, and with an anonymous id, merges that anonymous history into the user.
     *
     * @throws IllegalArgumentException when {@code userId} is blank, too long or reserved; nothing is queued
     */
    public void identify(String userId, IdentifyOptions options) {
        Objects.requireNonNull(options, "options");
        String user = Payloads.userId("userId", userId);
        ObjectNode traits = Payloads.toObject("traits", options.traits());
        enqueue(EventType.IDENTIFY, identifyPayload(user, options.anonymousId(), options.deviceId(),
                timestampOrNow(options.timestamp()), traits));
    }

    /** Merges {@code distinctId} into {@code newUserId}, now. */
    public void alias(String distinctId, String newUserId) {
        alias(distinctId, newUserId, AliasOptions.none());
    }

    /**
     * Merges the identity {@code distinctId} into {@code newUserId}, which survives. For deliberate
     * merges (a legacy id, a CRM or billing id such as {@code stripe:cus_abc123}); a login is an
     * {@link #identify}.
     *
     * @throws IllegalArgumentException when an id is blank, too long or reserved, or both are the same
     */
    public void alias(String distinctId, String newUserId, AliasOptions options) {
        Objects.requireNonNull(options, "options");
        String from = Payloads.userId("distinctId", distinctId);
        String to = Payloads.userId("newUserId", newUserId);
        if (from.equals(to)) {
            throw new IllegalArgumentException("newUserId must differ from distinctId, both are '" + to + "'");
        }
        enqueue(EventType.ALIAS, aliasPayload(from, to, null, null, timestampOrNow(options.timestamp())));
    }

    // ---- delivery --------------------------------------------------------------------------------

    /**
     * Sends everything queued so far and waits until Altertable has answered for all of it, or a
     * delivery round failed (the server is unreachable: the payloads stay queued and are retried).
     * Called from the error handler, it returns at once.
     */
    public FlushResult flush() {
        return new FlushResult(pipeline.flush());
    }

    /** {@link #flush()}, waiting at most {@code timeout}; what is not done by then counts as pending. */
    public FlushResult flush(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be zero or positive, got " + timeout);
        }
        return new FlushResult(pipeline.flush(timeout));
    }

    /**
     * Requests to Altertable routes this SDK does not model, sent at once with this client's base
     * URL, API key, retry policy, error mapping and redaction (not through the batching queue):
     * {@code altertable.raw().get("/v1/x").execute()} returns the JSON answer as a tree.
     */
    public RawRequests raw() {
        return raw;
    }

    /** Payloads queued and not yet acknowledged, refused or dropped. */
    public int queuedCount() {
        return pipeline.size();
    }

    /** For tests: how many warnings about overflow episodes were logged. */
    int overflowWarnings() {
        return pipeline.overflowWarningCount();
    }

    /** The environment every payload goes to. */
    public AltertableEnvironment environment() {
        return environment;
    }

    /**
     * Sends what is queued (waiting at most the {@link Builder#closeTimeout close timeout}), then
     * stops the sender thread and releases the durable queue. Payloads still unsent stay in the
     * durable queue, or without one are reported as {@link DeliveryFailure.Kind#CLOSED}. Calls
     * after this are dropped and reported. Idempotent.
     */
    @Override
    public void close() {
        pipeline.close(closeTimeout);
    }

    @Override
    public String toString() {
        return "Altertable[" + baseUrl + ", environment=" + environment + "]";
    }

    // ---- for AltertableMobile and tests ----------------------------------------------------------

    /** Queues a payload no one changes any more; it is written when sent (or at once with a durable queue). */
    void enqueue(EventType type, ObjectNode payload) {
        pipeline.enqueue(recordType(type), () -> Payloads.toBytes(payload));
    }

    void enqueue(EventType type, byte[] json) {
        pipeline.enqueue(recordType(type), json);
    }

    void report(DeliveryFailure failure) {
        pipeline.report(failure.toCore());
    }

    Clock clock() {
        return clock;
    }

    /** A short, one-way fingerprint of the API key, so storage keys never contain the key itself. */
    String keyFingerprint() {
        return keyFingerprint;
    }

    /** Simulates a crash: the sender stops and files are released with nothing flushed or acknowledged. */
    void crashForTesting() {
        pipeline.abandon();
    }

    ObjectNode trackPayload(String event, String distinctId, @Nullable String anonymousId, @Nullable String deviceId,
            @Nullable String sessionId, Instant timestamp, ObjectNode userProperties) {
        ObjectNode p = Payloads.object();
        p.put("environment", environment.slug());
        p.put("event", event);
        p.put("distinct_id", distinctId);
        putIfPresent(p, "anonymous_id", anonymousId);
        putIfPresent(p, "device_id", deviceId);
        putIfPresent(p, "session_id", sessionId);
        p.put("timestamp", Payloads.formatTimestamp(timestamp));
        ObjectNode properties = Payloads.object();
        properties.put("$lib", libraryName);
        properties.put("$lib_version", libraryVersion);
        if (release != null) {
            properties.put("$release", release);
        }
        properties.setAll(userProperties); // the caller's keys win
        p.set("properties", properties);
        return p;
    }

    ObjectNode identifyPayload(String userId, @Nullable String anonymousId, @Nullable String deviceId,
            Instant timestamp,
            ObjectNode traits) {
        ObjectNode p = Payloads.object();
        p.put("environment", environment.slug());
        p.put("distinct_id", userId);
        putIfPresent(p, "anonymous_id", anonymousId);
        putIfPresent(p, "device_id", deviceId);
        p.put("timestamp", Payloads.formatTimestamp(timestamp));
        p.set("traits", traits);
        return p;
    }

    ObjectNode aliasPayload(String distinctId, String newUserId, @Nullable String anonymousId,
            @Nullable String deviceId, Instant timestamp) {
        ObjectNode p = Payloads.object();
        p.put("environment", environment.slug());
        p.put("distinct_id", distinctId);
        p.put("new_user_id", newUserId);
        putIfPresent(p, "anonymous_id", anonymousId);
        putIfPresent(p, "device_id", deviceId);
        p.put("timestamp", Payloads.formatTimestamp(timestamp));
        return p;
    }

    private Instant timestampOrNow(@Nullable Instant timestamp) {
        return timestamp != null ? timestamp : clock.instant();
    }

    private static void putIfPresent(ObjectNode node, String field, @Nullable String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** The durable log's record type of {@code type}: 1, 2, 3 for track, identify, alias (the on-disk format). */
    static int recordType(EventType type) {
        return type.ordinal() + 1;
    }

    /** The payload type of a record type; the pipeline hands back only the codes {@link #recordType} registered. */
    static EventType eventType(int code) {
        return EventType.values()[code - 1];
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String fingerprint(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                hex.append(String.format(java.util.Locale.ROOT, "%02x", digest[i] & 0xff));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Configures an {@link Altertable}. Only the API key is required.
     *
     * <table>
     *   <caption>Settings and defaults</caption>
     *   <tr><th>Setting</th><th>Default</th></tr>
     *   <tr><td>{@link #baseUrl}</td><td>{@code https://api.altertable.ai}</td></tr>
     *   <tr><td>{@link #environment(AltertableEnvironment)}</td><td>{@code production}</td></tr>
     *   <tr><td>{@link #maxBatchSize}</td><td>100 payloads per request</td></tr>
     *   <tr><td>{@link #flushAt}</td><td>20 queued payloads</td></tr>
     *   <tr><td>{@link #flushInterval}</td><td>5 s</td></tr>
     *   <tr><td>{@link #queueCapacity}</td><td>1000 payloads, oldest dropped beyond</td></tr>
     *   <tr><td>{@link #retryPolicy}</td><td>3 retries per round, 1 s doubling to 10 s, 50 % jitter</td></tr>
     *   <tr><td>{@link #durableQueue}</td><td>none: memory only</td></tr>
     *   <tr><td>{@link #durableQueueMaxBytes}</td><td>64 MiB on disk, newest dropped beyond</td></tr>
     *   <tr><td>{@link #requestTimeout}</td><td>10 s per attempt</td></tr>
     *   <tr><td>{@link #closeTimeout}</td><td>10 s</td></tr>
     * </table>
     */
    public static final class Builder extends ClientBuilder<Builder, Altertable> {
        private @Nullable String apiKey;
        private String baseUrl = DEFAULT_BASE_URL;
        private AltertableEnvironment environment = AltertableEnvironment.PRODUCTION;
        private @Nullable String release;
        private int maxBatchSize = 100;
        private int flushAt = 20;
        private Duration flushInterval = Duration.ofSeconds(5);
        private int queueCapacity = 1000;
        private @Nullable Path durableQueue;
        private @Nullable Consumer<DeliveryFailure> onError;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Duration closeTimeout = Duration.ofSeconds(10);
        private io.tally.core.delivery.Ticker ticker = io.tally.core.delivery.Ticker.SYSTEM;
        private String libraryName = LIBRARY_NAME;
        private String libraryVersion = Tally.version();

        private Builder() {
            super("Altertable", "ALTERTABLE", "the API's http(s) URL, e.g. " + DEFAULT_BASE_URL);
            baseUrl(DEFAULT_BASE_URL);
            retryPolicy(RetryPolicy.builder().maxRetries(3).initialBackoff(Duration.ofSeconds(1))
                    .maxBackoff(Duration.ofSeconds(10)).jitter(0.5).build());
            requestTimeout(requestTimeout);
        }

        // ---- durable queue capacity (kept together so this block moves as one) ----------------------

        private long durableQueueMaxBytes = DurableLog.DEFAULT_MAX_BYTES;
        private DurableLog.Io durableQueueIo = DurableLog.Io.REAL;

        /**
         * The most disk space the {@link #durableQueue durable queue} may take, in bytes: 64 MiB by
         * default, at least 16 KiB. This, not {@link #queueCapacity}, bounds how much an outage can
         * hold: payloads beyond the memory queue wait on disk and are read back in order. When it is
         * reached, new payloads are dropped and reported once per episode as
         * {@link DeliveryFailure.Kind#QUEUE_OVERFLOW}; space is freed a segment (1/16 of it, at
         * most 1 MiB) at a time as Altertable acknowledges.
         *
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

        /** For tests: the file I/O of the durable queue, to simulate a full or failing disk. */
        Builder durableQueueIo(DurableLog.Io io) {
            this.durableQueueIo = Objects.requireNonNull(io, "io");
            return this;
        }

        // ---- end of durable queue capacity ----------------------------------------------------------

        /** The Product Analytics API key ({@code pk_live_…} or {@code pk_test_…}). Required. */
        public Builder apiKey(String apiKey) {
            // checked here so that a bad key fails in build(), never later in the sender
            Credentials.apiKey("apiKey", "X-API-Key", apiKey);
            this.apiKey = apiKey;
            return this;
        }

        /** The API's base URL; for a proxy, the reference mock or {@code FakeAltertable}. */
        @Override
        public Builder baseUrl(String baseUrl) {
            super.baseUrl(baseUrl); // validates
            this.baseUrl = baseUrl.trim();
            return this;
        }

        /** The environment every payload is written to. */
        public Builder environment(AltertableEnvironment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** The environment, by slug ({@code "staging"}). */
        public Builder environment(String slug) {
            return environment(AltertableEnvironment.of(slug));
        }

        /** Your application's version, sent as {@code $release} on every track; {@code null} for none. */
        public Builder release(@Nullable String release) {
            this.release = release == null || release.trim().isEmpty() ? null : release.trim();
            return this;
        }

        /** The most payloads one request carries, 1 to 1000. */
        public Builder maxBatchSize(int maxBatchSize) {
            this.maxBatchSize = range("maxBatchSize", maxBatchSize, 1, 1000);
            return this;
        }

        /** How many queued payloads start a send without waiting for the interval, 1 or more. */
        public Builder flushAt(int flushAt) {
            this.flushAt = range("flushAt", flushAt, 1, Integer.MAX_VALUE);
            return this;
        }

        /** The longest a payload waits before its batch is sent; zero sends at once. */
        public Builder flushInterval(Duration flushInterval) {
            this.flushInterval = zeroOrPositive("flushInterval", flushInterval);
            return this;
        }

        /**
         * How many payloads the queue holds in memory. Without a durable queue, beyond it the oldest
         * are dropped (and reported once per episode); with one, further payloads wait on disk up to
         * {@link #durableQueueMaxBytes}, and this bounds only what is held in memory while the disk
         * fails.
         */
        public Builder queueCapacity(int queueCapacity) {
            this.queueCapacity = range("queueCapacity", queueCapacity, 1, 10_000_000);
            return this;
        }

        /**
         * How transient failures are retried within a delivery round: {@code maxRetries}, the
         * backoff, its jitter, and the longest {@code Retry-After} honoured ({@code maxRetryAfter};
         * longer hints are cut to it).
         */
        @Override
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            return super.retryPolicy(retryPolicy);
        }

        /**
         * Keeps the queue in this directory too, so payloads survive a crash or restart: a new client
         * on the same directory resends what was not acknowledged. One client per directory at a
         * time (a lock file enforces it). {@code null} for memory only. Its size is bounded by
         * {@link #durableQueueMaxBytes}; damage found at start costs only the damaged records, which
         * are counted in a {@link DeliveryFailure.Kind#STORAGE} report.
         */
        public Builder durableQueue(@Nullable Path directory) {
            this.durableQueue = directory;
            return this;
        }

        /**
         * Receives every delivery failure, on the sender thread. Keep it quick; anything it throws
         * is logged and ignored. Failures are also logged to {@code io.tally.altertable}.
         */
        public Builder onError(@Nullable Consumer<DeliveryFailure> onError) {
            this.onError = onError;
            return this;
        }

        /**
         * The limit for one request attempt (connect, send and read): sets the connect timeout (at
         * most 5 s), the read, write and call timeouts at once; set one of them afterwards to differ.
         */
        public Builder requestTimeout(Duration requestTimeout) {
            if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException("requestTimeout must be positive, got " + requestTimeout);
            }
            this.requestTimeout = requestTimeout;
            Duration timeout = requestTimeout;
            return configure(o -> o.connectTimeout(min(timeout, Duration.ofSeconds(5))).readTimeout(timeout)
                    .writeTimeout(timeout).callTimeout(timeout));
        }

        /** How long {@link Altertable#close()} may spend sending what is queued. */
        public Builder closeTimeout(Duration closeTimeout) {
            this.closeTimeout = zeroOrPositive("closeTimeout", closeTimeout);
            return this;
        }

        /**
         * Reads {@code ALTERTABLE_API_KEY} (required), {@code ALTERTABLE_BASE_URL},
         * {@code ALTERTABLE_ENVIRONMENT}, {@code ALTERTABLE_RELEASE},
         * {@code ALTERTABLE_TIMEOUT_SECONDS} (request timeout), {@code ALTERTABLE_MAX_RETRIES} and
         * {@code TALLY_LOG_LEVEL}. Unset variables leave the current values. The same as
         * {@link #fromEnv(Environment)}.
         *
         * @throws IllegalStateException when the key is missing or a value is invalid, naming the variable
         */
        public Builder fromEnvironment(Environment env) {
            return fromEnv(env);
        }

        /** Reads {@code ALTERTABLE_API_KEY} (required), {@code ALTERTABLE_ENVIRONMENT} and {@code ALTERTABLE_RELEASE}. */
        @Override
        protected void readEnvironment(Environment env) {
            String key = env.require("ALTERTABLE_API_KEY",
                    "the Altertable Product Analytics API key (pk_live_… or pk_test_…)");
            fromVariable("ALTERTABLE_API_KEY", () -> apiKey(key));
            env.get("ALTERTABLE_ENVIRONMENT").ifPresent(v -> fromVariable("ALTERTABLE_ENVIRONMENT",
                    () -> environment(v.trim())));
            env.get("ALTERTABLE_RELEASE").ifPresent(this::release);
        }

        /** {@code ALTERTABLE_TIMEOUT_SECONDS} is the {@link #requestTimeout request timeout}. */
        @Override
        protected void timeoutFromEnvironment(Duration timeout) {
            requestTimeout(timeout);
        }

        /** {@code ALTERTABLE_BASE_URL} is optional: the default is {@value Altertable#DEFAULT_BASE_URL}. */
        @Override
        protected boolean hasDefaultBaseUrl() {
            return true;
        }

        /** For tests: the ticker the sender waits with. */
        Builder ticker(io.tally.core.delivery.Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** For the conformance test: the {@code $lib} and {@code $lib_version} values. */
        Builder library(String name, String version) {
            this.libraryName = Objects.requireNonNull(name, "name");
            this.libraryVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Creates the client and starts its sender thread; with a durable queue, opens it and
         * queues what a previous client left unsent.
         *
         * @throws IllegalArgumentException when the API key is missing
         * @throws IllegalStateException    when the durable queue directory is in use by another client
         * @throws UncheckedIOException     when the durable queue directory cannot be opened
         */
        @Override
        public Altertable build() {
            if (apiKey == null) {
                throw new IllegalArgumentException("apiKey is not set; pass the Altertable Product Analytics key "
                        + "(pk_live_… or pk_test_…), or use Altertable.fromEnv() with ALTERTABLE_API_KEY");
            }
            credentials(Credentials.apiKey("apiKey", "X-API-Key", apiKey));
            ClientOptions shared = buildOptions();
            // the dispatcher retries whole batches with the policy; each HTTP attempt is sent once
            ClientOptions options = shared.toBuilder().retryPolicy(RetryPolicy.none()).build();
            ClientContext context = ClientContext.create(provider(), options);
            Path directory = durableQueue;
            DurableLog log = null;
            if (directory != null) {
                try {
                    log = DurableLog.open(directory, durableQueueMaxBytes, durableQueueIo, "Altertable client");
                } catch (IOException e) {
                    throw new UncheckedIOException("could not open the durable queue directory " + directory, e);
                }
            }
            return new Altertable(this, shared, new HttpSender(context, environment.slug(), shared.clock()), log,
                    new RawRequests(context.withOptions(shared)));
        }

        private ProviderInfo provider() {
            return ProviderInfo.builder("Altertable")
                    .userAgentToken("altertable")
                    .errorDecoder(AltertableErrors.decoder(environment.slug()))
                    .build();
        }

        /** Builds with another sender (tests). */
        Altertable build(EventSender sender) {
            if (apiKey == null) {
                apiKey = "pk_test_unused";
            }
            ClientOptions shared = buildOptions();
            Path directory = durableQueue;
            DurableLog log = null;
            if (directory != null) {
                try {
                    log = DurableLog.open(directory, durableQueueMaxBytes, durableQueueIo, "Altertable client");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new Altertable(this, shared, sender, log, new RawRequests(ClientContext.create(provider(), shared)));
        }

        private static int range(String field, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(
                        field + " must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        }

        private static Duration zeroOrPositive(String field, Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException(field + " must be zero or positive, got " + value);
            }
            return value;
        }

        private static Duration min(Duration a, Duration b) {
            return a.compareTo(b) <= 0 ? a : b;
        }
    }
}
