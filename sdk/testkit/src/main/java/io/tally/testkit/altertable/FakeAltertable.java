package io.tally.testkit.altertable;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tally.core.json.TallyJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
 *       methods 405.</li>
 * </ul>
 *
 * <h2>Faults</h2>
 * {@link #failNext(int, Fault)} queues faults that the next requests play, one each, before
 * authentication: {@link Fault#serverError() 5xx}, {@link Fault#rateLimited(Duration) 429 with
 * Retry-After}, {@link Fault#dropConnection() dropped connections} (the socket is closed without a
 * response), {@link Fault#dropConnectionAfterStoring() a dropped response after storing} and
 * {@link Fault#delay(Duration) slow responses}.
 *
 * <p>Thread-safe. {@link #close()} stops the server. For JUnit 5 see {@link FakeAltertableExtension}.
 *
 * <p>Loading this class sets the system property {@code sun.net.httpserver.nodelay} to {@code true}
 * unless it is already set: without it the JDK's HTTP server answers each keep-alive request about
 * 40 ms late (Nagle's algorithm meeting delayed ACKs), which would dominate any test or benchmark.
 */
public final class FakeAltertable implements AutoCloseable {
    /** The API key a fake accepts unless configured otherwise. */
    public static final String DEFAULT_API_KEY = "pk_test_tally_fake";
    /** The environment a fake knows unless configured otherwise: the mock's default. */
    public static final String DEFAULT_ENVIRONMENT = "production";

    static {
        // The JDK server writes response headers and body as two TCP segments; with Nagle's algorithm
        // on, the body waits for the client's delayed ACK of the headers: ~40 ms per keep-alive request.
        // The JDK reads this once, when its first HttpServer starts; an explicit setting wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final ObjectReader STRICT_JSON = TallyJson.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String OK_BODY = "{\"ok\":true,\"error_code\":null}";

    private final Set<String> apiKeys;
    private final Set<String> environments;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicInteger requestNumbers = new AtomicInteger();
    private final Object lock = new Object();
    private final List<RecordedEvent> events = new ArrayList<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();

    private FakeAltertable(Builder b) {
        this.apiKeys = Collections.unmodifiableSet(new LinkedHashSet<>(b.apiKeys));
        this.environments = Collections.unmodifiableSet(new LinkedHashSet<>(b.environments));
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-altertable-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("could not start FakeAltertable on 127.0.0.1", e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
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
        return "http://127.0.0.1:" + port();
    }

    /** The loopback port the fake listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The first accepted API key. */
    public String apiKey() {
        return apiKeys.iterator().next();
    }

    /** Every payload stored, in the order stored. */
    public List<RecordedEvent> events() {
        synchronized (lock) {
            return Collections.unmodifiableList(new ArrayList<>(events));
        }
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

    /** Every request received, faulted ones included, in arrival order. */
    public List<RecordedRequest> requests() {
        synchronized (lock) {
            return Collections.unmodifiableList(new ArrayList<>(requests));
        }
    }

    /** How many requests arrived, faulted ones included. */
    public int requestCount() {
        return requestNumbers.get();
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
            while (events.size() < count) {
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

    /** The next {@code count} requests (after faults queued earlier) each play {@code fault}. */
    public FakeAltertable failNext(int count, Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        synchronized (lock) {
            for (int i = 0; i < count; i++) {
                faults.addLast(fault);
            }
        }
        return this;
    }

    /** Faults queued and not yet played. */
    public int pendingFaults() {
        synchronized (lock) {
            return faults.size();
        }
    }

    /** Forgets stored payloads, recorded requests and queued faults; the request count restarts. */
    public void reset() {
        synchronized (lock) {
            events.clear();
            requests.clear();
            faults.clear();
            requestNumbers.set(0);
        }
    }

    /** Stops the server at once; requests in progress are cut off. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "FakeAltertable[" + baseUrl() + ", environments=" + environments + "]";
    }

    // ---- request handling ------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        int number = requestNumbers.incrementAndGet();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Map<String, List<String>> headers = lowerCased(exchange.getRequestHeaders());
        byte[] bodyBytes;
        try (InputStream in = exchange.getRequestBody()) {
            bodyBytes = in.readAllBytes();
        }
        String body = new String(bodyBytes, StandardCharsets.UTF_8);
        Fault fault;
        synchronized (lock) {
            fault = faults.pollFirst();
        }
        Answer answer;
        if (fault == null) {
            answer = process(method, path, exchange.getRequestHeaders(), body, number);
        } else {
            switch (fault.kind()) {
                case STATUS:
                    answer = Answer.json(fault.status(), "{\"ok\":false,\"error_code\":\"internal-error\"}");
                    break;
                case RATE_LIMITED:
                    answer = Answer.json(429, "{\"ok\":false,\"error_code\":\"rate-limited\"}");
                    if (fault.duration() != null) {
                        long seconds = (fault.duration().toMillis() + 999) / 1000;
                        answer.header("Retry-After", String.valueOf(seconds));
                    }
                    break;
                case DROP_BEFORE_STORING:
                    answer = Answer.DROP;
                    break;
                case DROP_AFTER_STORING:
                    process(method, path, exchange.getRequestHeaders(), body, number);
                    answer = Answer.DROP;
                    break;
                case NONE:
                    answer = process(method, path, exchange.getRequestHeaders(), body, number);
                    break;
                case DELAY:
                    try {
                        Thread.sleep(fault.duration().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        exchange.close();
                        return;
                    }
                    answer = process(method, path, exchange.getRequestHeaders(), body, number);
                    break;
                default:
                    throw new IllegalStateException("unknown fault " + fault);
            }
        }
        synchronized (lock) {
            requests.add(new RecordedRequest(number, method, path, exchange.getRequestURI().getRawQuery(), headers, body,
                    answer == Answer.DROP ? 0 : answer.status, fault));
        }
        if (answer == Answer.DROP) {
            // closing an exchange whose response headers were never sent closes the socket:
            // the client sees the connection end without a response
            exchange.close();
            return;
        }
        answer.send(exchange);
    }

    private Answer process(String method, String path, Headers headers, String body, int number) {
        RecordedEvent.Type type = route(path);
        if (type == null) {
            return Answer.text(404, "Not Found");
        }
        if (!"POST".equals(method)) {
            return Answer.text(405, "Method Not Allowed");
        }
        if (!authorized(headers)) {
            return Answer.empty(401);
        }
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

    private static RecordedEvent.Type route(String path) {
        switch (path) {
            case "/track":
                return RecordedEvent.Type.TRACK;
            case "/identify":
                return RecordedEvent.Type.IDENTIFY;
            case "/alias":
                return RecordedEvent.Type.ALIAS;
            default:
                return null;
        }
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

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mime = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mime.equals("application/json") || (mime.startsWith("application/") && mime.endsWith("+json"));
    }

    /** Why a payload would not deserialize, in the wording of the mock; {@code null} when it would. */
    private static String typeProblem(RecordedEvent.Type type, JsonNode item) {
        if (!item.isObject()) {
            return "invalid type: " + item.getNodeType().name().toLowerCase(Locale.ROOT) + ", expected a payload object";
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
            for (RecordedEvent e : events) {
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

    private static Map<String, List<String>> lowerCased(Headers headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            out.put(e.getKey().toLowerCase(Locale.ROOT), Collections.unmodifiableList(new ArrayList<>(e.getValue())));
        }
        return out;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid JSON";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** What to answer. */
    private static final class Answer {
        static final Answer DROP = new Answer(0, null, null);

        final int status;
        final String contentType;
        final String body;
        final Map<String, String> extraHeaders = new LinkedHashMap<>();

        private Answer(int status, String contentType, String body) {
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

        Answer header(String name, String value) {
            extraHeaders.put(name, value);
            return this;
        }

        void send(HttpExchange exchange) throws IOException {
            Headers out = exchange.getResponseHeaders();
            if (contentType != null) {
                out.set("Content-Type", contentType);
            }
            for (Iterator<Map.Entry<String, String>> it = extraHeaders.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, String> h = it.next();
                out.set(h.getKey(), h.getValue());
            }
            if (body == null) {
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(bytes);
            }
        }
    }

    /** Configures a {@link FakeAltertable}. */
    public static final class Builder {
        private final Set<String> apiKeys = new LinkedHashSet<>();
        private final Set<String> environments = new LinkedHashSet<>();

        private Builder() {}

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
