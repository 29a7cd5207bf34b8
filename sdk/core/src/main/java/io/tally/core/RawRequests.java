package io.tally.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.core.spi.ApiRequest;
import io.tally.core.spi.ClientContext;
import io.tally.core.spi.RouteCredentials;
import java.util.Objects;

/**
 * The escape hatch for routes a provider client does not model yet: any method and path, sent with
 * the client's base URL, credentials, retries, rate limit, error mapping and redaction, the JSON
 * answer returned as a tree (unwrapped from the provider's envelope). Modelled on stripe-java's
 * {@code rawRequest}.
 *
 * <pre>{@code
 * JsonNode body = hitkeep.raw().get("/api/sites/{id}/new-report", siteId)
 *     .queryParam("from", "2026-03-01T00:00:00Z")
 *     .execute();
 * RawResponse<JsonNode> full = hitkeep.raw().post("/api/experimental").body(Map.of("a", 1)).executeRaw();
 * }</pre>
 *
 * <p>Placeholders such as <code>{id}</code> in the path are filled, checked and percent-encoded
 * from the values given after it. Failures throw the same {@link ApiException} subclasses as
 * modelled routes. Obtain one from a client's {@code raw()}.
 */
public final class RawRequests {
    private final ClientContext context;

    /** Raw requests on {@code context}: for provider clients' {@code raw()} methods. */
    public RawRequests(ClientContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** A {@code GET} of {@code path} (relative to the base URL), placeholders filled from {@code pathValues}. */
    public Request get(String path, Object... pathValues) {
        return request("GET", path, pathValues);
    }

    /** A {@code POST}; not retried after 5xx unless {@link Request#retryable()} or an idempotency key says so. */
    public Request post(String path, Object... pathValues) {
        return request("POST", path, pathValues);
    }

    /** A {@code PUT}. */
    public Request put(String path, Object... pathValues) {
        return request("PUT", path, pathValues);
    }

    /** A {@code PATCH}. */
    public Request patch(String path, Object... pathValues) {
        return request("PATCH", path, pathValues);
    }

    /** A {@code DELETE}. */
    public Request delete(String path, Object... pathValues) {
        return request("DELETE", path, pathValues);
    }

    /**
     * A request with any method.
     *
     * @throws IllegalArgumentException when the method is blank or the path does not start with {@code /}
     */
    public Request request(String method, String path, Object... pathValues) {
        if (method == null || method.trim().isEmpty()) {
            throw new IllegalArgumentException("method must not be blank, e.g. GET");
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', e.g. /api/sites, got '" + path + "'");
        }
        return new Request(context, method.trim().toUpperCase(java.util.Locale.ROOT), path, pathValues);
    }

    @Override
    public String toString() {
        return "RawRequests[" + context + "]";
    }

    /**
     * One raw request: per-request options ({@code timeout}, {@code maxRetries}, {@code header},
     * {@code queryParam}, {@code idempotencyKey}) as on every request, plus a JSON body.
     */
    public static final class Request extends ApiRequest<JsonNode, Request> {
        Request(ClientContext context, String method, String path, Object[] pathValues) {
            super(context, method, path, pathValues == null ? new Object[0] : pathValues, context.json(JsonNode.class));
        }

        /** Sends {@code value} as the JSON body, serialised with the provider's mapper. */
        public Request body(Object value) {
            return jsonBody(Objects.requireNonNull(value, "value"));
        }

        /**
         * Marks the route as safe to send again although its method is not idempotent (a POST that
         * only reads): retried after 5xx, 408 and read failures, with no {@code Idempotency-Key}.
         */
        public Request retryable() {
            return safeToRetry();
        }

        /** Sends no credentials, for a public route. */
        public Request withoutCredentials() {
            return routeCredentials(RouteCredentials.none());
        }
    }
}
