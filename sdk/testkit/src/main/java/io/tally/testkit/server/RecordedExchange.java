package io.tally.testkit.server;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One request a {@link FakeServer} received, with the status it answered and the fault it played. Recorded before
 * the response is sent, so once a client has its response the request is already in {@link FakeServer#requests()}.
 *
 * <p>{@link #toString()} redacts credential headers ({@code Authorization}, {@code X-API-Key}, {@code Cookie},
 * {@code Set-Cookie}, {@code Proxy-Authorization}) and never prints the body; the accessors return the real values
 * so tests can assert on them.
 */
public final class RecordedExchange {
    private static final Set<String> SECRET_HEADERS = new HashSet<>(Arrays.asList(
            "authorization", "x-api-key", "cookie", "set-cookie", "proxy-authorization"));

    private final long number;
    private final String method;
    private final String path;
    private final @Nullable String rawQuery;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final String clientAddress;
    private final Instant receivedAt;
    private final int status;
    private final @Nullable Fault fault;

    RecordedExchange(long number, String method, String path, @Nullable String rawQuery,
            Map<String, List<String>> headers,
            byte[] body, String clientAddress, Instant receivedAt, int status, @Nullable Fault fault) {
        this.number = number;
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
        this.headers = Collections.unmodifiableMap(h);
        this.body = body;
        this.clientAddress = clientAddress;
        this.receivedAt = receivedAt;
        this.status = status;
        this.fault = fault;
    }

    /** 1-based, in the order requests arrived since the fake started or was last reset. */
    public long number() {
        return number;
    }

    /** The HTTP method, upper case, e.g. {@code GET}. */
    public String method() {
        return method;
    }

    /** The decoded path, without the query string. */
    public String path() {
        return path;
    }

    /** The raw query string without {@code ?}, or {@code null} when there was none. */
    public @Nullable String rawQuery() {
        return rawQuery;
    }

    /** Request headers; names are case-insensitive. Includes credentials: do not log them. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header (case-insensitive name), or {@code null}. */
    public @Nullable String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A copy of the request body as read (empty when there was none; at most the fake's body limit plus one byte). */
    public byte[] body() {
        return body.clone();
    }

    /** The body decoded as UTF-8. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body length as read, without copying it. */
    public int bodyLength() {
        return body.length;
    }

    /** The address of the connecting client. */
    public String clientAddress() {
        return clientAddress;
    }

    /** When the fake received the request, by the fake's clock. */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** The status answered; 0 when the connection was dropped without an answer. */
    public int status() {
        return status;
    }

    /** The fault played for this request, if any. */
    public Optional<Fault> fault() {
        return Optional.ofNullable(fault);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append('#').append(number).append(' ').append(method).append(' ').append(path);
        if (rawQuery != null && !rawQuery.isEmpty()) {
            sb.append('?').append(rawQuery);
        }
        sb.append(" -> ").append(status == 0 ? "dropped" : String.valueOf(status));
        if (fault != null) {
            sb.append(' ').append(fault);
        }
        sb.append(" {");
        boolean first = true;
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(e.getKey()).append('=');
            sb.append(SECRET_HEADERS.contains(e.getKey().toLowerCase(Locale.ROOT)) ? "[REDACTED]" : e.getValue());
        }
        sb.append("} (").append(body.length).append(" bytes)");
        return sb.toString();
    }
}
