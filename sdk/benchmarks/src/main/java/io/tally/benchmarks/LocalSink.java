package io.tally.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tally.benchmarks.LoopbackHttpServer.Request;
import io.tally.benchmarks.LoopbackHttpServer.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * One in-process HTTP server on 127.0.0.1 ({@link LoopbackHttpServer}) that plays the ingestion
 * API of every library under test and counts the events it receives.
 *
 * <p>Each request body is parsed just enough to count the events in it: Altertable's {@code /track},
 * {@code /identify} and {@code /alias} take one object or an array of objects; Segment's
 * {@code /v1/import/} and PostHog's {@code /batch} take an object whose {@code batch} field is the
 * array of events. Gzip bodies ({@code Content-Encoding: gzip}, which PostHog sends) are inflated
 * first. Each route answers what its client expects: {@code {"ok":true,"error_code":null}} for
 * Altertable, {@code {"success":true}} for Segment, {@code {"status":1}} for PostHog. Any other
 * path gets 200 {@code {}} and is remembered in {@link #unexpectedPaths()}, so a client that calls
 * home for something else (feature flags, remote config) shows up in the report instead of failing.
 *
 * <p>{@link #block()} holds every request before its body is read until {@link #unblock()}; the
 * heap measurement uses it to keep events queued inside the client.
 */
final class LocalSink implements AutoCloseable, LoopbackHttpServer.Handler {

    /** The API a request was addressed to. */
    enum Route {
        ALTERTABLE, SEGMENT, POSTHOG
    }

    private static final byte[] ALTERTABLE_OK = "{\"ok\":true,\"error_code\":null}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SEGMENT_OK = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] POSTHOG_OK = "{\"status\":1}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    private final JsonFactory json = new JsonFactory();
    private final Map<Route, AtomicLong> events = new EnumMap<>(Route.class);
    private final Map<Route, AtomicLong> requests = new EnumMap<>(Route.class);
    private final AtomicLong malformedRequests = new AtomicLong();
    private final AtomicLong heldRequests = new AtomicLong();
    private final Set<String> unexpectedPaths = ConcurrentHashMap.newKeySet();
    private volatile CountDownLatch gate;
    // Set once by start(), before anyone knows the port to send to.
    private LoopbackHttpServer server;

    private LocalSink() {
        for (Route route : Route.values()) {
            events.put(route, new AtomicLong());
            requests.put(route, new AtomicLong());
        }
    }

    /** Starts a sink on an ephemeral loopback port. */
    static LocalSink start() {
        LocalSink sink = new LocalSink();
        sink.server = LoopbackHttpServer.start(sink);
        return sink;
    }

    /** Base URL without a trailing slash, e.g. {@code http://127.0.0.1:40123}. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Events received on {@code route} since the last {@link #reset()}. */
    long events(Route route) {
        return events.get(route).get();
    }

    /** Requests received on {@code route} since the last {@link #reset()}. */
    long requests(Route route) {
        return requests.get(route).get();
    }

    /** Requests whose body could not be read as the route's JSON shape. */
    long malformedRequests() {
        return malformedRequests.get();
    }

    /** Requests waiting for {@link #unblock()} right now. */
    long heldRequests() {
        return heldRequests.get();
    }

    /** Paths that are none of the three ingestion APIs, with their method. */
    Set<String> unexpectedPaths() {
        return Set.copyOf(unexpectedPaths);
    }

    /** Zeroes the counters. */
    void reset() {
        events.values().forEach(counter -> counter.set(0));
        requests.values().forEach(counter -> counter.set(0));
        malformedRequests.set(0);
    }

    /** Holds every request that arrives from now on until {@link #unblock()}. */
    void block() {
        gate = new CountDownLatch(1);
    }

    /** Lets held and future requests through. */
    void unblock() {
        CountDownLatch held = gate;
        gate = null;
        if (held != null) {
            held.countDown();
        }
    }

    @Override
    public void close() {
        unblock();
        server.close();
    }

    @Override
    public void beforeBody(String method, String path) {
        CountDownLatch held = gate;
        if (held == null) {
            return;
        }
        heldRequests.incrementAndGet();
        try {
            held.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            heldRequests.decrementAndGet();
        }
    }

    @Override
    public Response handle(Request request) throws IOException {
        Route route = routeOf(request.method(), request.path());
        if (route == null) {
            unexpectedPaths.add(request.method() + " " + request.path());
            return new Response(200, EMPTY_OBJECT);
        }
        long count;
        try {
            byte[] body = inflate(request);
            count = route == Route.ALTERTABLE ? countTopLevel(body) : countBatchField(body);
        } catch (IOException malformed) {
            malformedRequests.incrementAndGet();
            return new Response(400, EMPTY_OBJECT);
        }
        // Count before answering: a client considers events delivered only once it has the response,
        // so the harness never sees a delivered event that the sink has not counted.
        requests.get(route).incrementAndGet();
        events.get(route).addAndGet(count);
        return new Response(200, okBody(route));
    }

    private static Route routeOf(String method, String path) {
        if (!"POST".equals(method)) {
            return null;
        }
        return switch (path) {
            case "/track", "/identify", "/alias" -> Route.ALTERTABLE;
            case "/v1/import", "/v1/import/", "/v1/batch" -> Route.SEGMENT;
            case "/batch", "/batch/" -> Route.POSTHOG;
            default -> null;
        };
    }

    private static byte[] okBody(Route route) {
        return switch (route) {
            case ALTERTABLE -> ALTERTABLE_OK;
            case SEGMENT -> SEGMENT_OK;
            case POSTHOG -> POSTHOG_OK;
        };
    }

    private static byte[] inflate(Request request) throws IOException {
        String encoding = request.header("Content-Encoding");
        if (encoding != null && encoding.trim().equalsIgnoreCase("gzip")) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(request.body()))) {
                return in.readAllBytes();
            }
        }
        return request.body();
    }

    /** Altertable: one object counts as one event, an array as its length. */
    private long countTopLevel(byte[] body) throws IOException {
        try (JsonParser parser = json.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                parser.skipChildren();
                return 1;
            }
            if (first != JsonToken.START_ARRAY) {
                throw new IOException("expected a JSON object or array");
            }
            return countArrayElements(parser);
        }
    }

    /** Segment and PostHog: the length of the top-level object's {@code batch} array. */
    private long countBatchField(byte[] body) throws IOException {
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("expected a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("batch".equals(field) && value == JsonToken.START_ARRAY) {
                    return countArrayElements(parser);
                }
                parser.skipChildren();
            }
            throw new IOException("no batch array");
        }
    }

    private static long countArrayElements(JsonParser parser) throws IOException {
        long count = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                throw new IOException("array not closed");
            }
            parser.skipChildren();
            count++;
        }
        return count;
    }
}
