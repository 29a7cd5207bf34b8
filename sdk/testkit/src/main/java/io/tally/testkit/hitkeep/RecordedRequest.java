package io.tally.testkit.hitkeep;

import io.tally.testkit.server.Fault;
import io.tally.testkit.server.RecordedExchange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request the fake received, with the status it answered. Every request is recorded, including those
 * refused with 401, 403, 404 or 429 and those a {@link Fault} answered, before the response is sent: once a client
 * has its response, {@link FakeHitKeep#lastRequest()} already shows the request. The fake keeps the newest
 * {@linkplain FakeHitKeep.Builder#requestLogCapacity(int) requestLogCapacity} requests.
 *
 * <p>{@link #toString()} redacts credential headers ({@code Authorization}, {@code X-API-Key}, {@code Cookie},
 * {@code Set-Cookie}, {@code Proxy-Authorization}) and never prints the body, which may hold a password; the
 * accessors return the real values so tests can assert on them.
 */
public final class RecordedRequest {
    private static final Set<String> SECRET_HEADERS = new HashSet<>(Arrays.asList(
            "authorization", "x-api-key", "cookie", "set-cookie", "proxy-authorization"));

    private final String method;
    private final String path;
    private final String rawQuery;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final String clientAddress;
    private final Instant receivedAt;
    private final int status;
    private final @Nullable Fault fault;

    /** HitKeep's view of what the {@link io.tally.testkit.server.FakeServer} underneath recorded. */
    static RecordedRequest of(RecordedExchange e) {
        String query = e.rawQuery();
        String rawQuery = query == null ? "" : query;
        return new RecordedRequest(e.method(), e.path(), rawQuery, Call.parseQuery(rawQuery), e.headers(), e.body(),
                e.clientAddress(), e.receivedAt(), e.status(), e.fault().orElse(null));
    }

    RecordedRequest(String method, String path, String rawQuery, Map<String, List<String>> query,
            Map<String, List<String>> headers, byte[] body, String clientAddress, Instant receivedAt, int status,
            @Nullable Fault fault) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        Map<String, List<String>> q = new LinkedHashMap<>();
        query.forEach((k, v) -> q.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
        this.query = Collections.unmodifiableMap(q);
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
        this.headers = Collections.unmodifiableMap(h);
        this.body = body;
        this.clientAddress = clientAddress;
        this.receivedAt = receivedAt;
        this.status = status;
        this.fault = fault;
    }

    /** The HTTP method, e.g. {@code GET}. */
    public String method() {
        return method;
    }

    /** The decoded path, e.g. {@code /api/sites/…/stats}. */
    public String path() {
        return path;
    }

    /** The raw query string without {@code ?}, or {@code ""}. */
    public String rawQuery() {
        return rawQuery;
    }

    /** Decoded query parameters in arrival order; repeated parameters keep every value. */
    public Map<String, List<String>> queryParameters() {
        return query;
    }

    /** Every value of a query parameter, or an empty list. */
    public List<String> queryParameters(String name) {
        List<String> values = query.get(name);
        return values == null ? Collections.emptyList() : values;
    }

    /** The first value of a query parameter, or {@code null}. */
    public @Nullable String queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Request headers; names are case-insensitive. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header (case-insensitive name), or {@code null}. */
    public @Nullable String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A copy of the request body (empty when there was none). */
    public byte[] body() {
        return body.clone();
    }

    /** The body decoded as UTF-8. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The address of the connecting client. */
    public String clientAddress() {
        return clientAddress;
    }

    /** When the fake received the request, by the fake's clock. */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** The status the fake answered with; 0 when a {@link Fault} dropped the connection without an answer. */
    public int status() {
        return status;
    }

    /** The fault played for this request ({@link FakeHitKeep#failNext(Fault)}), if any. */
    public Optional<Fault> fault() {
        return Optional.ofNullable(fault);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(method).append(' ').append(path);
        if (!rawQuery.isEmpty()) {
            sb.append('?').append(rawQuery);
        }
        sb.append(" -> ").append(status).append(" {");
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
