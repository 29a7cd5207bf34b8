package io.tally.testkit.altertable;

import io.tally.testkit.server.RecordedExchange;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One HTTP request {@link FakeAltertable} received, with the status it answered. */
public final class RecordedRequest {
    private final int number;
    private final String method;
    private final String path;
    private final @Nullable String query;
    private final Map<String, List<String>> headers;
    private final String body;
    private final int status;
    private final @Nullable Fault fault;

    /** Altertable's view of what the {@link io.tally.testkit.server.FakeServer} underneath recorded. */
    static RecordedRequest of(RecordedExchange e) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> h : e.headers().entrySet()) {
            headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue());
        }
        return new RecordedRequest((int) e.number(), e.method(), e.path(), e.rawQuery(), headers, e.bodyAsString(),
                e.status(), e.fault().map(Fault::fromServerFault).orElse(null));
    }

    RecordedRequest(int number, String method, String path, @Nullable String query, Map<String, List<String>> headers,
            String body, int status, @Nullable Fault fault) {
        this.number = number;
        this.method = method;
        this.path = path;
        this.query = query;
        this.headers = Collections.unmodifiableMap(headers);
        this.body = body;
        this.status = status;
        this.fault = fault;
    }

    /** 1-based, in the order requests arrived. */
    public int number() {
        return number;
    }

    /** The HTTP method, e.g. {@code POST}. */
    public String method() {
        return method;
    }

    /** The path, without the query string. */
    public String path() {
        return path;
    }

    /** The raw query string, or {@code null} when there was none. */
    public @Nullable String query() {
        return query;
    }

    /** Request headers, names lower-cased. Includes credentials: do not log them. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header (name case-insensitive). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The request body as UTF-8 text. */
    public String body() {
        return body;
    }

    /** The status answered; 0 when the connection was dropped without an answer. */
    public int status() {
        return status;
    }

    /**
     * The fault played for this request, if any. Generic faults without an Altertable name (slow and truncated
     * bodies) show in {@link FakeAltertable#server()}{@code .requests()} instead.
     */
    public Optional<Fault> fault() {
        return Optional.ofNullable(fault);
    }

    @Override
    public String toString() {
        return "#" + number + " " + method + " " + path + " -> " + (status == 0 ? "dropped" : String.valueOf(status))
                + (fault != null ? " " + fault : "");
    }
}
