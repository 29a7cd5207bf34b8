package io.tally.core.spi;

import io.tally.core.ApiException;
import io.tally.core.HttpHeaders;
import io.tally.core.RateLimit;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Everything known about a failed response, from which an {@link ApiException} is made. Built by
 * the transport; provider modules see it only through the exception's accessors.
 */
public final class ErrorContext {
    private final String provider;
    private final String method;
    private final String path;
    private final int statusCode;
    private final HttpHeaders headers;
    private final String body;
    private final @Nullable String requestId;
    private final ErrorDetails details;
    private final @Nullable Duration retryAfter;

    /**
     * Creates a context. {@code null} headers, body and details are stored as empty headers, an
     * empty body and {@link ErrorDetails#none()}; {@code requestId} and {@code retryAfter} may be
     * {@code null}. {@code provider}, {@code method} and {@code path} are required: the exception
     * message is built from them.
     *
     * @param provider   the provider's display name, e.g. {@code HitKeep}
     * @param method     the HTTP method, in any case
     * @param path       the request path as messages show it, secret path values already redacted
     * @param statusCode the HTTP status, or for a 2xx body that reported a failure the status its
     *     envelope assigned
     * @param headers    the response headers, secrets already redacted
     * @param body       the response body as text, secrets already scrubbed
     * @param details    what the provider's {@link ErrorDecoder} read from the body
     * @param retryAfter how long the server asked the client to wait
     */
    public ErrorContext(String provider, String method, String path, int statusCode, @Nullable HttpHeaders headers,
            @Nullable String body, @Nullable String requestId, @Nullable ErrorDetails details,
            @Nullable Duration retryAfter) {
        this.provider = provider;
        this.method = method;
        this.path = path;
        this.statusCode = statusCode;
        this.headers = headers == null ? HttpHeaders.empty() : headers;
        this.body = body == null ? "" : body;
        this.requestId = requestId;
        this.details = details == null ? ErrorDetails.none() : details;
        this.retryAfter = retryAfter;
    }

    /** The provider's display name, e.g. {@code HitKeep}. */
    public String provider() {
        return provider;
    }

    /** The request's HTTP method, e.g. {@code GET}. */
    public String method() {
        return method;
    }

    /**
     * The request path as messages show it, e.g. {@code /api/sites/x/stats}, secret path values
     * redacted.
     */
    public String path() {
        return path;
    }

    /** The HTTP status; for a 2xx body reporting a failure, the status its envelope assigned. */
    public int statusCode() {
        return statusCode;
    }

    /** The response headers, secrets redacted; never {@code null}. */
    public HttpHeaders headers() {
        return headers;
    }

    /**
     * The response body as text (the transport keeps at most 64 KiB), secrets scrubbed; empty,
     * never {@code null}, when there was none.
     */
    public String body() {
        return body;
    }

    /** The request id the server sent, or {@code null}. */
    public @Nullable String requestId() {
        return requestId;
    }

    /** What the error body says; {@link ErrorDetails#none()} when nothing could be read. */
    public ErrorDetails details() {
        return details;
    }

    /**
     * How long the server asked the client to wait ({@code Retry-After} or
     * {@code X-RateLimit-Reset}), or {@code null} when it did not say.
     */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    /**
     * The exception message: {@code "HitKeep GET /api/sites/x/stats failed with 403: Access denied.
     * The credentials lack access … (request id req_1)"}.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(provider).append(' ').append(method.toUpperCase(Locale.ROOT)).append(' ').append(path)
                .append(" failed with ").append(statusCode);
        if (details.message() != null) {
            sb.append(": ").append(details.message());
        }
        if (details.errorCode() != null && !details.errorCode().equals(details.message())) {
            sb.append(" [").append(details.errorCode()).append(']');
        }
        String hint = details.hint() != null ? details.hint() : defaultHint();
        if (hint != null) {
            sb.append(". ").append(hint);
        }
        if (requestId != null) {
            sb.append(" (request id ").append(requestId).append(')');
        }
        return sb.toString();
    }

    private @Nullable String defaultHint() {
        if (details.missingScope() != null) {
            return "The credentials lack scope " + details.missingScope()
                    + "; create a key with that scope";
        }
        if (details.missingPermission() != null) {
            return "The credentials lack permission " + details.missingPermission()
                    + "; grant it to the key or user";
        }
        switch (statusCode) {
            case 401:
                return "Check that the credentials are set, current and of the kind this route accepts";
            case 402:
                return "The account's plan does not include this; upgrade the plan or avoid this call";
            case 403:
                return "The credentials are valid but not allowed to do this; check their grants, scopes or plan";
            case 404:
                return "Check the ids in the path and that these credentials can see the resource";
            case 429:
                return retryAfter != null
                        ? "Rate limited; the server asked to wait " + retryAfter.getSeconds() + "s"
                        : "Rate limited; slow down or lower the request rate";
            default:
                return statusCode >= 500 ? "The server failed; try again later" : null;
        }
    }
}
