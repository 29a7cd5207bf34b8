package io.tally.testkit.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The base every fake provider server runs on: a real HTTP server on a loopback port (the JDK's), a bounded log of
 * the requests it received, and {@link Fault fault injection} played before the fake's own handler.
 *
 * <pre>{@code
 * FakeServer server = FakeServer.builder("fake-example")
 *     .errorBodies(status -> ErrorBody.json("{\"error\":\"" + status + "\"}"))
 *     .start(exchange -> exchange.respond(200, "application/json", "{}".getBytes(UTF_8)));
 * server.failNext(Fault.rateLimited(Duration.ofSeconds(2)));   // the next request gets 429, Retry-After: 2
 * }</pre>
 *
 * <h2>Recorded requests</h2>
 * Every request is recorded before its answer is sent, faulted and refused ones included, in a {@link RequestLog}
 * that keeps the newest {@link Builder#requestLogCapacity(int) requestLogCapacity} requests (default
 * {@value RequestLog#DEFAULT_CAPACITY}) and counts the ones it dropped ({@link #evictedRequests()}); the first drop
 * of an episode is logged once. {@link Builder#recordRequests(boolean) recordRequests(false)} keeps none, for
 * long-running demos. Request bodies are read up to {@link Builder#maxRequestBody(int)} bytes (plus one, so the
 * fake can tell) and the rest is discarded.
 *
 * <p>Thread-safe. {@link #close()} stops the server; it is safe to call more than once.
 *
 * <p>Loading this class sets the system property {@code sun.net.httpserver.nodelay} to {@code true} unless it is
 * already set: without it the JDK's HTTP server adds about 40 ms to every keep-alive response (Nagle's algorithm
 * meeting delayed ACKs), which would dominate any test or benchmark.
 */
public final class FakeServer implements AutoCloseable {
    static {
        // The JDK server writes response headers and body as two TCP segments; with Nagle's algorithm on, the body
        // waits for the client's delayed ACK of the headers. The JDK reads this once, when its first HttpServer
        // starts; an explicit setting wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final Logger LOG = Logger.getLogger(FakeServer.class.getName());

    /** A fake's request handling, called for every request that no fault answers first. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Answers one request.
         *
         * @throws IOException when the client went away; the server ends the exchange
         */
        void handle(FakeExchange exchange) throws IOException;
    }

    private final String name;
    private final Clock clock;
    private final int maxRequestBody;
    private final IntFunction<@Nullable ErrorBody> errorBodies;
    private final Handler handler;
    private final RequestLog<RecordedExchange> log;
    private final AtomicLong numbers = new AtomicLong();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private volatile boolean closed;

    private FakeServer(Builder b, Handler handler) {
        this.name = b.name;
        this.clock = b.clock;
        this.maxRequestBody = b.maxRequestBody;
        this.errorBodies = b.errorBodies;
        this.handler = handler;
        this.log = new RequestLog<>(b.recordRequests ? b.requestLogCapacity : 0, full -> LOG.info(name
                + ": request log full (" + full.capacity() + " requests): the oldest are dropped from now on; "
                + "raise requestLogCapacity to keep more"));
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            this.server = HttpServer.create(new InetSocketAddress(b.host, b.port), 0);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException(name + " could not listen on " + b.host + ":" + b.port, e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
        String host = b.host.contains(":") ? "[" + b.host + "]" : b.host;
        this.baseUrl = "http://" + host + ":" + server.getAddress().getPort();
    }

    /**
     * Starts configuring a server; {@code name} names its threads and log lines, e.g. {@code fake-hitkeep}.
     *
     * @throws IllegalArgumentException if the name is blank
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The base URL, e.g. {@code http://127.0.0.1:54321} (no trailing slash). */
    public String baseUrl() {
        return baseUrl;
    }

    /** The base URL followed by {@code path}. */
    public String url(String path) {
        return baseUrl + (path.startsWith("/") ? path : "/" + path);
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The next request plays {@code fault}. */
    public FakeServer failNext(Fault fault) {
        return failNext(1, fault);
    }

    /**
     * The next {@code count} requests (after faults queued earlier) each play {@code fault}.
     *
     * @throws IllegalArgumentException if the fault is {@code null} or the count negative
     */
    public FakeServer failNext(int count, Fault fault) {
        if (fault == null) {
            throw new IllegalArgumentException("fault must not be null; use Fault.none() for a normal answer");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        synchronized (faults) {
            for (int i = 0; i < count; i++) {
                faults.addLast(fault);
            }
        }
        return this;
    }

    /** Faults queued and not yet played. */
    public int pendingFaults() {
        synchronized (faults) {
            return faults.size();
        }
    }

    /** Drops the queued faults. */
    public void clearFaults() {
        synchronized (faults) {
            faults.clear();
        }
    }

    /** The recorded requests, oldest first (the newest {@link #requestLogCapacity()} at most). */
    public List<RecordedExchange> requests() {
        return log.entries();
    }

    /** The most recent recorded request, or {@code null}. */
    public @Nullable RecordedExchange lastRequest() {
        return log.last();
    }

    /** How many requests arrived since the start or the last {@link #clearRequests()}, kept in the log or not. */
    public long requestCount() {
        return numbers.get();
    }

    /** How many recorded requests were dropped to keep the log within its capacity. */
    public long evictedRequests() {
        return log.evicted();
    }

    /** The most requests the log keeps; 0 when recording is off. */
    public int requestLogCapacity() {
        return log.capacity();
    }

    /** Forgets the recorded requests; the request count and numbering restart. Queued faults stay. */
    public void clearRequests() {
        synchronized (log) {
            log.clear();
            numbers.set(0);
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** Stops the server at once; requests in progress are cut off. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return name + "[" + baseUrl + ", " + log + (closed ? ", closed" : "") + "]";
    }

    // ---- serving -------------------------------------------------------------------------------

    private void serve(HttpExchange exchange) {
        try {
            long number = numbers.incrementAndGet();
            byte[] body = readBody(exchange);
            Fault fault;
            synchronized (faults) {
                fault = faults.pollFirst();
            }
            Fault.Kind kind = fault == null ? Fault.Kind.NONE : fault.kind();
            switch (kind) {
                case STATUS:
                case RATE_LIMITED:
                    answerFault(new FakeExchange(this, exchange, number, body, clock.instant(), fault, false), fault);
                    break;
                case DROP_CONNECTION:
                    new FakeExchange(this, exchange, number, body, clock.instant(), fault, false).recordStatus(0);
                    break; // closing an exchange that sent no headers closes the socket: no answer at all
                case DELAY:
                    Thread.sleep(Objects.requireNonNull(fault.duration(), "duration").toMillis()); // delays have one
                    handle(new FakeExchange(this, exchange, number, body, clock.instant(), fault, false));
                    break;
                case DROP_AFTER_HANDLING:
                case SLOW_BODY:
                case TRUNCATED_BODY:
                    playAroundAnswer(exchange, number, body, fault);
                    break;
                default:
                    handle(new FakeExchange(this, exchange, number, body, clock.instant(), fault, false));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away mid-answer; nothing left to tell it
            LOG.log(Level.FINE, name + ": I/O error while answering", e);
        } finally {
            exchange.close();
        }
    }

    private void handle(FakeExchange fx) throws IOException {
        try {
            handler.handle(fx);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, name + ": handler failed on " + fx.method() + " " + fx.path(), e);
            if (!fx.hasStatus()) {
                fx.respond(500, ErrorBody.text("Internal server error\n"));
            }
        }
        if (!fx.hasStatus()) {
            fx.recordStatus(Math.max(fx.http().getResponseCode(), 0));
        }
    }

    private void answerFault(FakeExchange fx, Fault fault) throws IOException {
        Headers out = fx.http().getResponseHeaders();
        String retryAfter = fault.retryAfterSeconds();
        if (retryAfter != null) {
            out.set("Retry-After", retryAfter);
        }
        for (Map.Entry<String, String> h : fault.headers().entrySet()) {
            out.set(h.getKey(), h.getValue());
        }
        ErrorBody body = fault.body() != null ? fault.body() : errorBodies.apply(fault.status());
        fx.respond(fault.status(), body == null ? ErrorBody.empty() : body);
    }

    private void playAroundAnswer(HttpExchange exchange, long number, byte[] body, Fault fault)
            throws IOException, InterruptedException {
        CapturingHttpExchange capture = new CapturingHttpExchange(exchange);
        FakeExchange fx = new FakeExchange(this, capture, number, body, clock.instant(), fault, true);
        handle(fx);
        if (fault.kind() == Fault.Kind.DROP_AFTER_HANDLING) {
            fx.commit(0);
            return;
        }
        int status = capture.capturedStatus() < 0 ? fx.status() : capture.capturedStatus();
        fx.commit(status);
        byte[] answer = capture.capturedBody();
        if (fault.kind() == Fault.Kind.TRUNCATED_BODY) {
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            OutputStream out = exchange.getResponseBody();
            out.write(answer, 0, answer.length / 2);
            out.flush();
            // closing with bytes missing makes the JDK close the connection: the client sees the body end early
            return;
        }
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int off = 0; off < answer.length; off += fault.chunkBytes()) {
                if (off > 0) {
                    Thread.sleep(Objects.requireNonNull(fault.duration(), "duration").toMillis()); // delays have one
                }
                out.write(answer, off, Math.min(fault.chunkBytes(), answer.length - off));
                out.flush();
            }
        }
    }

    void record(FakeExchange fx, int status) {
        if (!log.isRecording()) {
            log.countUnrecorded();
            return;
        }
        log.add(new RecordedExchange(fx.number(), fx.method(), fx.path(), fx.rawQuery(), fx.requestHeaders(),
                fx.body(), fx.clientAddress(), fx.receivedAt(), status, fx.fault()));
    }

    private byte[] readBody(HttpExchange exchange) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (out.size() <= maxRequestBody) {
                    out.write(buffer, 0, Math.min(n, maxRequestBody + 1 - out.size()));
                }
            }
        }
        return out.toByteArray();
    }

    /** Configures a {@link FakeServer}. Every setter validates its input and names the field when it refuses. */
    public static final class Builder {
        private final String name;
        private String host = "127.0.0.1";
        private int port;
        private Clock clock = Clock.systemUTC();
        private int requestLogCapacity = RequestLog.DEFAULT_CAPACITY;
        private boolean recordRequests = true;
        private int maxRequestBody = 8 << 20;
        private IntFunction<@Nullable ErrorBody> errorBodies = status -> ErrorBody.empty();

        private Builder(String name) {
            if (name == null || name.trim().isEmpty()) {
                throw new IllegalArgumentException("name must not be blank, e.g. fake-hitkeep");
            }
            this.name = name.trim();
        }

        /** The interface to listen on; default {@code 127.0.0.1}. */
        public Builder host(String host) {
            if (host == null || host.trim().isEmpty()) {
                throw new IllegalArgumentException("host must be an interface address such as 127.0.0.1");
            }
            this.host = host.trim();
            return this;
        }

        /** The port; default 0, a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got: " + port);
            }
            this.port = port;
            return this;
        }

        /** The clock that stamps {@link RecordedExchange#receivedAt()}; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new IllegalArgumentException("clock must not be null");
            }
            this.clock = clock;
            return this;
        }

        /**
         * How many requests the log keeps (the newest); default {@value RequestLog#DEFAULT_CAPACITY}; 0 keeps none.
         *
         * @throws IllegalArgumentException unless between 0 and {@value RequestLog#MAX_CAPACITY}
         */
        public Builder requestLogCapacity(int capacity) {
            this.requestLogCapacity = RequestLog.checkCapacity(capacity);
            return this;
        }

        /** Whether to keep requests at all; default {@code true}. {@code false} still counts them. */
        public Builder recordRequests(boolean record) {
            this.recordRequests = record;
            return this;
        }

        /**
         * The most request-body bytes read (one more is kept so the fake can tell a body was longer); default 8 MiB.
         *
         * @throws IllegalArgumentException unless between 0 and 256 MiB
         */
        public Builder maxRequestBody(int bytes) {
            if (bytes < 0 || bytes > (256 << 20)) {
                throw new IllegalArgumentException(
                        "maxRequestBody must be between 0 and 268435456 bytes, got: " + bytes);
            }
            this.maxRequestBody = bytes;
            return this;
        }

        /**
         * The provider's error body for a status, used when a {@link Fault} answers without a body of its own;
         * default no body. The function may return {@code null} for no body.
         */
        public Builder errorBodies(IntFunction<@Nullable ErrorBody> errorBodies) {
            if (errorBodies == null) {
                throw new IllegalArgumentException("errorBodies must not be null");
            }
            this.errorBodies = errorBodies;
            return this;
        }

        /**
         * Starts the server with this handler.
         *
         * @throws IllegalArgumentException if the handler is {@code null}
         * @throws UncheckedIOException if the port cannot be bound
         */
        public FakeServer start(Handler handler) {
            if (handler == null) {
                throw new IllegalArgumentException("handler must not be null");
            }
            return new FakeServer(this, handler);
        }
    }
}
