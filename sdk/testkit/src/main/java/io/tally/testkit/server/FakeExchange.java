package io.tally.testkit.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One request a {@link FakeServer} hands to its fake's {@link FakeServer.Handler}: the request, its body (already
 * read, within the server's size limit) and the ways to answer. Answer with {@link #respond} or write to
 * {@link #http()} directly after calling {@link #recordStatus(int)}: recording happens before anything is sent.
 */
public final class FakeExchange {
    private final FakeServer server;
    private final HttpExchange http;
    private final long number;
    private final byte[] body;
    private final Instant receivedAt;
    private final @Nullable Fault fault;
    private final boolean deferRecording;
    private boolean recorded;
    private int status = -1;

    FakeExchange(FakeServer server, HttpExchange http, long number, byte[] body, Instant receivedAt,
            @Nullable Fault fault,
            boolean deferRecording) {
        this.server = server;
        this.http = http;
        this.number = number;
        this.body = body;
        this.receivedAt = receivedAt;
        this.fault = fault;
        this.deferRecording = deferRecording;
    }

    /**
     * The JDK exchange to answer on. While a {@link Fault} needs the answer in memory first, this is a stand-in that
     * captures it; either way call {@link #recordStatus(int)} before sending headers.
     */
    public HttpExchange http() {
        return http;
    }

    /** The method, upper case. */
    public String method() {
        return http.getRequestMethod().toUpperCase(Locale.ROOT);
    }

    /** The decoded path. */
    public String path() {
        try {
            String p = http.getRequestURI().getPath();
            return p == null ? "/" : p;
        } catch (RuntimeException e) {
            return http.getRequestURI().getRawPath();
        }
    }

    /** The raw query without {@code ?}, or {@code null}. */
    public @Nullable String rawQuery() {
        return http.getRequestURI().getRawQuery();
    }

    /** The request headers. */
    public Headers requestHeaders() {
        return http.getRequestHeaders();
    }

    /**
     * The request body as read: at most the server's {@link FakeServer.Builder#maxRequestBody limit} plus one byte,
     * so a handler can tell an oversized body by its length. The array is shared: do not modify it.
     */
    public byte[] body() {
        return body;
    }

    /** 1-based arrival number since start or the last reset. */
    public long number() {
        return number;
    }

    /** When the request arrived, by the server's clock. */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** The address of the connecting client. */
    public String clientAddress() {
        InetSocketAddress remote = http.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "" : remote.getAddress().getHostAddress();
    }

    /** The fault played around this request ({@link Fault.Kind#NONE} and delays included), or {@code null}. */
    public @Nullable Fault fault() {
        return fault;
    }

    /** Records the request with this status, once; later calls do nothing. Call it before sending headers. */
    public void recordStatus(int status) {
        if (this.status == -1) {
            this.status = status;
        }
        if (!deferRecording) {
            commit(status);
        }
    }

    /** Whether the request has been recorded (or, while a fault captures the answer, given its status). */
    public boolean hasStatus() {
        return status != -1;
    }

    /** Records, then sends a whole answer and ends the exchange. {@code contentType} may be {@code null}. */
    public void respond(int status, @Nullable String contentType, byte[] body) throws IOException {
        recordStatus(status);
        if (contentType != null) {
            http.getResponseHeaders().set("Content-Type", contentType);
        }
        http.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = http.getResponseBody()) {
                out.write(body);
            }
        }
        http.close();
    }

    /** Records, then sends this error body with the status. */
    public void respond(int status, ErrorBody body) throws IOException {
        respond(status, body.contentType(), body.bytes());
    }

    int status() {
        return status;
    }

    /** Adds the request to the server's log with this status, once. */
    void commit(int finalStatus) {
        if (recorded) {
            return;
        }
        recorded = true;
        server.record(this, finalStatus);
    }
}
