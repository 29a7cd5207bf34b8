package io.tally.testkit.hitkeep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/** One request being served: what arrived, who sent it, and the ways to answer. */
final class Call {
    final HttpExchange exchange;
    final String method;
    final String path;
    final String rawQuery;
    final Map<String, List<String>> query;
    final byte[] body;
    final String clientIp;
    final Instant now;
    Map<String, String> pathParams = Collections.emptyMap();
    /** Who called: set by authentication; {@code null} on a public route called without a session. */
    AccessControl.@Nullable Principal principal;
    /** The site of a route with a site permission, set before its handler runs; {@code null} on other routes. */
    @Nullable
    SiteData site;

    private final IntConsumer onRespond;
    private final ObjectMapper json;
    private boolean responded;

    Call(HttpExchange exchange, byte[] body, String clientIp, Instant now, ObjectMapper json, IntConsumer onRespond) {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = exchange.getRequestURI().getRawPath();
        this.path = decodePath(rawPath == null ? "/" : rawPath);
        String q = exchange.getRequestURI().getRawQuery();
        this.rawQuery = q == null ? "" : q;
        this.query = parseQuery(this.rawQuery);
        this.body = body;
        this.clientIp = clientIp;
        this.now = now;
        this.json = json;
        this.onRespond = onRespond;
    }

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("[&;]")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String decodePath(String rawPath) {
        try {
            return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return rawPath;
        }
    }

    /** The caller of a route that requires one (every route but the public ones). */
    AccessControl.Principal principal() {
        return Objects.requireNonNull(principal, "principal"); // authentication refuses the call without one
    }

    /** The site of a route with a site permission (the dispatcher answers 404 without one). */
    SiteData site() {
        return Objects.requireNonNull(site, "site");
    }

    /** The first value of a query parameter, or {@code null}. */
    @Nullable
    String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value, trimmed, or {@code null} when absent or blank. */
    @Nullable
    String trimmedParam(String name) {
        String v = param(name);
        if (v == null) {
            return null;
        }
        v = v.trim();
        return v.isEmpty() ? null : v;
    }

    List<String> params(String name) {
        List<String> values = query.get(name);
        return values == null ? Collections.emptyList() : values;
    }

    @Nullable
    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** A parameter of the route's path template (always there: the route matched). */
    String pathParam(String name) {
        return Objects.requireNonNull(pathParams.get(name), name);
    }

    /** A cookie value, or {@code null}. */
    @Nullable
    String cookie(String name) {
        List<String> headers = exchange.getRequestHeaders().get("Cookie");
        if (headers == null) {
            return null;
        }
        for (String header : headers) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).trim().equals(name)) {
                    return part.substring(eq + 1).trim();
                }
            }
        }
        return null;
    }

    /** The body as a JSON object, or {@code null} when it is not one. */
    @Nullable
    JsonNode jsonBody() {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    boolean responded() {
        return responded;
    }

    Headers responseHeaders() {
        return exchange.getResponseHeaders();
    }

    /** A JSON body; HitKeep's streaming encoder ends it with a newline. */
    void json(int status, Object value) throws IOException {
        byte[] bytes = (json.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        responseHeaders().set("Content-Type", "application/json");
        send(status, bytes);
    }

    /** A plain-text error the way Go's {@code http.Error} writes it. */
    void error(int status, String message) throws IOException {
        Headers h = responseHeaders();
        h.set("Content-Type", "text/plain; charset=utf-8");
        h.set("X-Content-Type-Options", "nosniff");
        send(status, (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    void text(int status, String contentType, String text) throws IOException {
        responseHeaders().set("Content-Type", contentType);
        send(status, text.getBytes(StandardCharsets.UTF_8));
    }

    void empty(int status) throws IOException {
        markResponded(status);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** Starts a streamed (chunked) body; the caller writes it and closes the stream. */
    OutputStream stream(int status, String contentType) throws IOException {
        responseHeaders().set("Content-Type", contentType);
        markResponded(status);
        exchange.sendResponseHeaders(status, 0);
        return exchange.getResponseBody();
    }

    private void send(int status, byte[] bytes) throws IOException {
        markResponded(status);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    private void markResponded(int status) {
        if (responded) {
            throw new IllegalStateException("response already sent");
        }
        responded = true;
        onRespond.accept(status);
    }
}
