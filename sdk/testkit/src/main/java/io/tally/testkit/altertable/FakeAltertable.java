package io.tally.testkit.altertable;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.sun.net.httpserver.Headers;
import io.tally.core.json.TallyJson;
import io.tally.testkit.server.ErrorBody;
import io.tally.testkit.server.FakeExchange;
import io.tally.testkit.server.FakeServer;
import io.tally.testkit.server.PathRoutes;
import io.tally.testkit.server.RecordedExchange;
import io.tally.testkit.server.RequestLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * An in-process stand-in for Altertable's Product Analytics ingestion API, for tests. It answers
 * {@code POST /track}, {@code /identify} and {@code /alias} on {@code 127.0.0.1} the way the
 * reference mock server ({@code altertable-mock}) does, records every payload it accepts, and can be
 * told to fail.
 *
 * <pre>{@code
 * try (FakeAltertable fake = FakeAltertable.start()) {
 *     Altertable altertable = Altertable.builder()
 *         .apiKey(FakeAltertable.DEFAULT_API_KEY)
 *         .baseUrl(fake.baseUrl())
 *         .build();
 *     altertable.track("Signed Up", "user-1");
 *     altertable.close();
 *     assertThat(fake.tracks()).hasSize(1);
 * }
 * }</pre>
 *
 * <h2>Behaviour (that of the reference mock)</h2>
 * <ul>
 *   <li><b>Auth first</b>, before the body is read: {@code X-API-Key} is checked first, and when
 *       present and unknown the request gets 401 even if a valid bearer token is also sent; otherwise
 *       {@code Authorization} must start with exactly {@code "Bearer "} (case-sensitive) followed by
 *       a known key. The {@code ?apiKey=} query parameter is not accepted. Failures are
 *       <b>401 with an empty body</b>.</li>
 *   <li>A {@code Content-Type} other than {@code application/json} (or {@code +json}) gets
 *       <b>415</b> with a plain-text body; malformed JSON gets <b>400</b> with a plain-text body.</li>
 *   <li>The body is one payload object or an array of them. A missing or ill-typed required field
 *       ({@code event}, {@code environment} and an object {@code properties} on track, where
 *       {@code null} counts as missing; {@code environment} and {@code distinct_id} on identify;
 *       {@code environment}, {@code distinct_id} and {@code new_user_id} on alias), or an
 *       ill-typed optional one, gets <b>422</b> with a plain-text body, and nothing of that request
 *       is stored.</li>
 *   <li>Payloads are then stored <b>in order</b>; the first failure ends the request and the items
 *       before it stay stored: an environment that is not configured gets <b>400</b>
 *       {@code {"ok":false,"error_code":"environment-not-found"}}, a timestamp string that is not
 *       ISO 8601 gets <b>400</b> {@code {"ok":false,"error_code":"insert-failed"}}.</li>
 *   <li>Success is <b>200</b> {@code {"ok":true,"error_code":null}}. Other paths get 404, other
 *       methods 405; a body over {@link Builder#maxRequestBody(int)} gets 413.</li>
 * </ul>
 *
 * <h2>Faults</h2>
 * {@link #failNext(int, Fault)} queues faults that the next requests play, one each, before
 * authentication: {@link Fault#serverError() 5xx}, {@link Fault#rateLimited(Duration) 429 with
 * Retry-After}, {@link Fault#dropConnection() dropped connections} (the socket is closed without a
 * response), {@link Fault#dropConnectionAfterStoring() a dropped response after storing} and
 * {@link Fault#delay(Duration) slow responses}. The testkit's generic
 * {@link io.tally.testkit.server.Fault} adds dripping and truncated bodies
 * ({@link #failNext(int, io.tally.testkit.server.Fault)}).
 *
 * <h2>Memory</h2>
 * The fake runs on the testkit's {@link FakeServer}: it keeps the newest
 * {@link Builder#requestLogCapacity(int) requestLogCapacity} requests (default
 * {@value RequestLog#DEFAULT_CAPACITY}) and the newest {@link Builder#eventLogCapacity(int)
 * eventLogCapacity} stored payloads (default {@value #DEFAULT_EVENT_LOG_CAPACITY}); older ones are
 * counted, not kept.
 *
 * <p>Thread-safe. {@link #close()} stops the server. For JUnit 5 see {@link FakeAltertableExtension}.
 * Starting a fake sets the system property {@code sun.net.httpserver.nodelay} (see {@link FakeServer}).
 */
public final class FakeAltertable implements AutoCloseable {
    /** The API key a fake accepts unless configured otherwise. */
    public static final String DEFAULT_API_KEY = "pk_test_tally_fake";
    /** The environment a fake knows unless configured otherwise: the mock's default. */
    public static final String DEFAULT_ENVIRONMENT = "production";
    /** How many stored payloads a fake keeps unless configured otherwise. */
    public static final int DEFAULT_EVENT_LOG_CAPACITY = 100_000;

    private static final ObjectReader STRICT_JSON = TallyJson.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String OK_BODY = "{\"ok\":true,\"error_code\":null}";

    private final Set<String> apiKeys;
    private final Set<String> environments;
    private final int maxRequestBody;
    private final PathRoutes<RecordedEvent.Type> routes = new PathRoutes<RecordedEvent.Type>()
            .add("POST", "/track", RecordedEvent.Type.TRACK)
            .add("POST", "/identify", RecordedEvent.Type.IDENTIFY)
            .add("POST", "/alias", RecordedEvent.Type.ALIAS);
    private final Object lock = new Object();
    private final RequestLog<RecordedEvent> events;
    private final FakeServer server;

    private FakeAltertable(Builder b) {
        this.apiKeys = Collections.unmodifiableSet(new LinkedHashSet<>(b.apiKeys));
        this.environments = Collections.unmodifiableSet(new LinkedHashSet<>(b.environments));
        this.maxRequestBody = b.maxRequestBody;
        this.events = new RequestLog<>(b.eventLogCapacity);
        this.server = FakeServer.builder("fake-altertable")
                .maxRequestBody(b.maxRequestBody)
                .requestLogCapacity(b.requestLogCapacity)
                .errorBodies(FakeAltertable::errorBody)
                .start(this::handle);
    }

    /** The mock's error body for a fault: {@code rate-limited} for 429, {@code internal-error} otherwise. */
    static ErrorBody errorBody(int status) {
        return ErrorBody.json("{\"ok\":false,\"error_code\":\"" + (status == 429 ? "rate-limited" : "internal-error")
                + "\"}");
    }

    /** Starts a fake that accepts {@link #DEFAULT_API_KEY} and knows {@link #DEFAULT_ENVIRONMENT}. */
    public static FakeAltertable start() {
        return builder().start();
    }

    /** A builder for a fake with other keys or environments. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>}, to pass as the client's base URL. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** The loopback port the fake listens on. */
    public int port() {
        return server.port();
    }

    /**
     * The {@link FakeServer} underneath: its raw {@linkplain FakeServer#requests() request log}, fault queue and
     * counters, the same for every fake (the provider conformance suite works through it).
     */
    public FakeServer server() {
        return server;
    }

    /** The first accepted API key. */
    public String apiKey() {
        return apiKeys.iterator().next();
    }

    /** The payloads stored, in the order stored: all, or the newest {@link Builder#eventLogCapacity(int)}. */
    public List<RecordedEvent> events() {
        return events.entries();
    }

    /** Stored track payloads, in order. */
    public List<RecordedEvent> tracks() {
        return ofType(RecordedEvent.Type.TRACK);
    }

    /** Stored identify payloads, in order. */
    public List<RecordedEvent> identifies() {
        return ofType(RecordedEvent.Type.IDENTIFY);
    }

    /** Stored alias payloads, in order. */
    public List<RecordedEvent> aliases() {
        return ofType(RecordedEvent.Type.ALIAS);
    }

    /**
     * The requests received, faulted ones included, in arrival order: all, or the newest
     * {@link Builder#requestLogCapacity(int)} ({@link #server()}{@code .evictedRequests()} counts the others).
     */
    public List<RecordedRequest> requests() {
        List<RecordedExchange> recorded = server.requests();
        List<RecordedRequest> out = new ArrayList<>(recorded.size());
        for (RecordedExchange e : recorded) {
            out.add(RecordedRequest.of(e));
        }
        return Collections.unmodifiableList(out);
    }

    /** How many requests arrived, faulted ones included, kept in the log or not. */
    public int requestCount() {
        return (int) Math.min(Integer.MAX_VALUE, server.requestCount());
    }

    /**
     * Waits until at least {@code count} payloads are stored, or the timeout passes. For clients
     * that deliver in the background; returns as soon as the events arrive.
     *
     * @return whether the count was reached
     */
    public boolean awaitEvents(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (events.received() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    /** The next request plays {@code fault}. */
    public FakeAltertable failNext(Fault fault) {
        return failNext(1, fault);
    }

    /**
     * The next {@code count} requests (after faults queued earlier) each play {@code fault}.
     *
     * @throws IllegalArgumentException if the fault is {@code null} or the count negative
     */
    public FakeAltertable failNext(int count, Fault fault) {
        if (fault == null) {
            throw new IllegalArgumentException("fault must not be null; use Fault.none() for a normal answer");
        }
        server.failNext(count, fault.toServerFault());
        return this;
    }

    /**
     * The next request plays one of the testkit's generic faults, e.g.
     * {@code Fault.slowBody(1, Duration.ofMillis(50))} or {@code Fault.truncatedBody()}.
     */
    public FakeAltertable failNext(io.tally.testkit.server.Fault fault) {
        return failNext(1, fault);
    }

    /**
     * The next {@code count} requests each play one of the testkit's generic faults.
     *
     * @throws IllegalArgumentException if the fault is {@code null} or the count negative
     */
    public FakeAltertable failNext(int count, io.tally.testkit.server.Fault fault) {
        server.failNext(count, fault);
        return this;
    }

    /** Faults queued and not yet played. */
    public int pendingFaults() {
        return server.pendingFaults();
    }

    /** Forgets stored payloads, recorded requests and queued faults; the request count restarts. */
    public void reset() {
        synchronized (lock) {
            events.clear();
            server.clearRequests();
            server.clearFaults();
        }
    }

    /** Stops the server at once; requests in progress are cut off. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "FakeAltertable[" + baseUrl() + ", environments=" + environments + "]";
    }

    // ---- request handling ------------------------------------------------------------------------

    private void handle(FakeExchange exchange) throws IOException {
        process(exchange).send(exchange);
    }

    private Answer process(FakeExchange exchange) {
        String path = exchange.path();
        PathRoutes.Match<RecordedEvent.Type> route = routes.find(exchange.method(), path);
        if (route == null) {
            return routes.matchesPath(path) ? Answer.text(405, "Method Not Allowed") : Answer.text(404, "Not Found");
        }
        RecordedEvent.Type type = route.value();
        Headers headers = exchange.requestHeaders();
        int number = (int) exchange.number();
        if (!authorized(headers)) {
            return Answer.empty(401);
        }
        if (exchange.body().length > maxRequestBody) {
            return Answer.text(413, "Payload Too Large");
        }
        String body = new String(exchange.body(), StandardCharsets.UTF_8);
        if (!isJson(headers.getFirst("Content-Type"))) {
            return Answer.text(415, "Expected request with `Content-Type: application/json`");
        }
        JsonNode root;
        try {
            root = STRICT_JSON.readTree(body);
        } catch (IOException e) {
            return Answer.text(400, "Failed to parse the request body as JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || root.isMissingNode()) {
            return Answer.text(400, "Failed to parse the request body as JSON: EOF while parsing a value");
        }
        List<JsonNode> items = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(items::add);
        } else {
            items.add(root);
        }
        for (JsonNode item : items) {
            String problem = typeProblem(type, item);
            if (problem != null) {
                return Answer.text(422, "Failed to deserialize the JSON body into the target type: " + problem);
            }
        }
        for (JsonNode item : items) {
            if (!environments.contains(item.get("environment").asText())) {
                return Answer.json(400, "{\"ok\":false,\"error_code\":\"environment-not-found\"}");
            }
            JsonNode timestamp = item.get("timestamp");
            if (timestamp != null && timestamp.isTextual() && !isTimestamp(timestamp.asText())) {
                return Answer.json(400, "{\"ok\":false,\"error_code\":\"" + failureCode(type) + "\"}");
            }
            store(type, item, number);
        }
        return Answer.json(200, OK_BODY);
    }

    private void store(RecordedEvent.Type type, JsonNode item, int number) {
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) frozen(TallyJson.mapper().convertValue(item, Map.class));
        synchronized (lock) {
            events.add(new RecordedEvent(type, payload, item.toString(), number));
            // notified under the lock awaitEvents waits on
            lock.notifyAll();
        }
    }

    private boolean authorized(Headers headers) {
        String key = headers.getFirst("X-API-Key");
        if (key != null) {
            return apiKeys.contains(key);
        }
        String authorization = headers.getFirst("Authorization");
        return authorization != null && authorization.startsWith("Bearer ")
                && apiKeys.contains(authorization.substring("Bearer ".length()));
    }

    private static String failureCode(RecordedEvent.Type type) {
        switch (type) {
            case IDENTIFY:
                return "identify-failed";
            case ALIAS:
                return "alias-failed";
            default:
                return "insert-failed";
        }
    }

    private static boolean isJson(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        String mime = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mime.equals("application/json") || (mime.startsWith("application/") && mime.endsWith("+json"));
    }

    /** Why a payload would not deserialize, in the wording of the mock; {@code null} when it would. */
    private static @Nullable String typeProblem(RecordedEvent.Type type, JsonNode item) {
        if (!item.isObject()) {
            return "invalid type: " + item.getNodeType().name().toLowerCase(Locale.ROOT)
                    + ", expected a payload object";
        }
        List<String> required = new ArrayList<>(Arrays.asList("environment"));
        List<String> optional = new ArrayList<>(Arrays.asList("anonymous_id", "device_id"));
        switch (type) {
            case TRACK:
                required.add("event");
                optional.add("distinct_id");
                optional.add("session_id");
                break;
            case IDENTIFY:
                required.add("distinct_id");
                break;
            default:
                required.add("distinct_id");
                required.add("new_user_id");
                break;
        }
        for (String field : required) {
            JsonNode value = item.get(field);
            if (value == null || value.isNull()) {
                return "missing field `" + field + "`";
            }
            if (!value.isTextual()) {
                return "invalid type for `" + field + "`, expected a string";
            }
        }
        for (String field : optional) {
            JsonNode value = item.get(field);
            if (value != null && !value.isNull() && !value.isTextual()) {
                return "invalid type for `" + field + "`, expected a string";
            }
        }
        JsonNode timestamp = item.get("timestamp");
        if (timestamp != null && !timestamp.isNull() && !timestamp.isTextual() && !timestamp.isIntegralNumber()) {
            return "invalid type for `timestamp`, expected a string or an integer";
        }
        if (type == RecordedEvent.Type.TRACK) {
            JsonNode properties = item.get("properties");
            if (properties == null || properties.isNull()) {
                return "missing field `properties`";
            }
            if (!properties.isObject()) {
                return "invalid type for `properties`, expected a map";
            }
        }
        if (type == RecordedEvent.Type.IDENTIFY) {
            JsonNode traits = item.get("traits");
            if (traits != null && !traits.isNull() && !traits.isObject()) {
                return "invalid type for `traits`, expected a map";
            }
        }
        return null;
    }

    private static boolean isTimestamp(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException withoutOffset) {
            try {
                LocalDateTime.parse(text);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }

    private List<RecordedEvent> ofType(RecordedEvent.Type type) {
        List<RecordedEvent> out = new ArrayList<>();
        synchronized (lock) {
            for (RecordedEvent e : events.entries()) {
                if (e.type() == type) {
                    out.add(e);
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static Object frozen(Object value) {
        if (value instanceof Map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                copy.put(String.valueOf(e.getKey()), frozen(e.getValue()));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List) {
            List<Object> copy = new ArrayList<>();
            for (Object item : (List<?>) value) {
                copy.add(frozen(item));
            }
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "invalid JSON";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** What to answer. */
    private static final class Answer {
        final int status;
        final @Nullable String contentType;
        final @Nullable String body;

        private Answer(int status, @Nullable String contentType, @Nullable String body) {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
        }

        static Answer json(int status, String body) {
            return new Answer(status, "application/json", body);
        }

        static Answer text(int status, String body) {
            return new Answer(status, "text/plain; charset=utf-8", body);
        }

        static Answer empty(int status) {
            return new Answer(status, null, null);
        }

        void send(FakeExchange exchange) throws IOException {
            exchange.respond(status, contentType, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Configures a {@link FakeAltertable}. */
    public static final class Builder {
        private final Set<String> apiKeys = new LinkedHashSet<>();
        private final Set<String> environments = new LinkedHashSet<>();
        private int requestLogCapacity = RequestLog.DEFAULT_CAPACITY;
        private int eventLogCapacity = DEFAULT_EVENT_LOG_CAPACITY;
        private int maxRequestBody = 8 << 20;

        private Builder() {}

        /**
         * How many requests {@link FakeAltertable#requests()} keeps (the newest); default
         * {@value RequestLog#DEFAULT_CAPACITY}; 0 keeps none.
         *
         * @throws IllegalArgumentException unless between 0 and {@value RequestLog#MAX_CAPACITY}
         */
        public Builder requestLogCapacity(int capacity) {
            this.requestLogCapacity = RequestLog.checkCapacity(capacity);
            return this;
        }

        /**
         * How many stored payloads {@link FakeAltertable#events()} keeps (the newest); default
         * {@value #DEFAULT_EVENT_LOG_CAPACITY}. {@link FakeAltertable#awaitEvents} counts every stored payload.
         *
         * @throws IllegalArgumentException unless between 0 and {@value RequestLog#MAX_CAPACITY}
         */
        public Builder eventLogCapacity(int capacity) {
            this.eventLogCapacity = RequestLog.checkCapacity(capacity);
            return this;
        }

        /**
         * The largest request body accepted; longer ones get 413 and are not read further. Default 8 MiB.
         *
         * @throws IllegalArgumentException unless between 1 and 256 MiB
         */
        public Builder maxRequestBody(int bytes) {
            if (bytes < 1 || bytes > (256 << 20)) {
                throw new IllegalArgumentException(
                        "maxRequestBody must be between 1 and 268435456 bytes, got: " + bytes);
            }
            this.maxRequestBody = bytes;
            return this;
        }

        /** Keys the fake accepts (replacing the default {@link #DEFAULT_API_KEY}). */
        public Builder apiKeys(String... keys) {
            for (String key : keys) {
                if (key == null || key.trim().isEmpty()) {
                    throw new IllegalArgumentException("apiKeys must not contain a blank key");
                }
                apiKeys.add(key);
            }
            return this;
        }

        /** Environments the fake knows (replacing the default {@code production}). */
        public Builder environments(String... names) {
            for (String name : names) {
                if (name == null || name.trim().isEmpty()) {
                    throw new IllegalArgumentException("environments must not contain a blank name");
                }
                environments.add(name);
            }
            return this;
        }

        /** Starts the fake on a free loopback port. */
        public FakeAltertable start() {
            if (apiKeys.isEmpty()) {
                apiKeys.add(DEFAULT_API_KEY);
            }
            if (environments.isEmpty()) {
                environments.add(DEFAULT_ENVIRONMENT);
            }
            return new FakeAltertable(this);
        }
    }
}
