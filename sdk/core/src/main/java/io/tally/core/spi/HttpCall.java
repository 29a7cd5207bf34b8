package io.tally.core.spi;

import io.tally.core.RequestOptions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as a provider describes it: method, the route's path template and the expanded
 * path, query parameters, extra headers and an optional body. Immutable.
 */
public final class HttpCall {
    private final String method;
    private final String pathTemplate;
    private final String path;
    private final String displayPath;
    private final Map<String, List<String>> query;
    private final Map<String, String> headers;
    private final @Nullable RequestBody body;
    private final boolean safeToRetry;

    HttpCall(String method, String pathTemplate, String path, String displayPath, Map<String, List<String>> query,
            Map<String, String> headers, @Nullable RequestBody body, boolean safeToRetry) {
        this.safeToRetry = safeToRetry;
        this.displayPath = displayPath;
        this.method = method.toUpperCase(Locale.ROOT);
        this.pathTemplate = pathTemplate;
        this.path = path;
        // the request object keeps adding to its own lists; a call already sent (async) must not see that
        if (query.isEmpty()) {
            this.query = Collections.emptyMap();
        } else {
            Map<String, List<String>> q = new LinkedHashMap<>();
            query.forEach(
                    (name, values) -> q.put(name, Collections.unmodifiableList(new java.util.ArrayList<>(values))));
            this.query = Collections.unmodifiableMap(q);
        }
        this.headers = headers.isEmpty() ? Collections.emptyMap()
                : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.body = body;
    }

    /** The HTTP method, upper-case, e.g. {@code GET}. */
    public String method() {
        return method;
    }

    /** The route as documented, e.g. {@code /api/sites/{id}/stats}. */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** The path with its parameters filled in and percent-encoded. */
    public String path() {
        return path;
    }

    /** The path as shown in messages and logs: secret path values (share tokens) redacted. */
    public String displayPath() {
        return displayPath;
    }

    /**
     * The query parameters the endpoint set, values unencoded and in order; the caller's extra ones
     * from {@link RequestOptions} are not included.
     */
    public Map<String, List<String>> query() {
        return query;
    }

    /**
     * The headers the endpoint set; the client's default headers, the credentials and the caller's
     * extra headers are not included.
     */
    public Map<String, String> headers() {
        return headers;
    }

    /** The body, or {@code null}. */
    public @Nullable RequestBody body() {
        return body;
    }

    /** Whether the method is idempotent by HTTP's definition. */
    public boolean idempotentMethod() {
        switch (method) {
            case "GET":
            case "HEAD":
            case "OPTIONS":
            case "PUT":
            case "DELETE":
                return true;
            default:
                return false;
        }
    }

    /**
     * Whether sending this call again after a 5xx, a 408 or a read failure is safe: its method is
     * idempotent, or its route only reads although its method is POST (marked with
     * {@link ApiRequest#safeToRetry()}). Calls with an idempotency key are retried as well.
     */
    public boolean safeToRetry() {
        return safeToRetry || idempotentMethod();
    }

    @Override
    public String toString() {
        return method + " " + pathTemplate;
    }
}
