package io.tally.core;

import io.tally.core.spi.ApiExceptions;
import io.tally.core.spi.ErrorContext;
import io.tally.core.spi.ResponseEnvelope;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with a status that means failure. Subclasses name the common statuses;
 * {@link #statusCode()}, {@link #headers()}, {@link #body()}, {@link #requestId()} and
 * {@link #errorCode()} give the details for logging or branching.
 *
 * <p>The message is written for a person reading a log: what failed, the server's own words, and
 * where possible what to do next. It carries the request id when the server sent one.
 */
public class ApiException extends TallyException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status, or the status an envelope assigned to a 2xx failure. */
    private final int statusCode;
    private final transient HttpHeaders headers;
    /** The response body as text, secrets scrubbed; empty when there was none. */
    private final String body;
    /** The request id the server sent, or {@code null}. */
    private final @Nullable String requestId;
    /** The provider's machine-readable error code, or {@code null}. */
    private final @Nullable String errorCode;
    /** The provider's own message from the body, or {@code null}. */
    private final @Nullable String serverMessage;
    /** The wait the server asked for ({@code Retry-After}), or {@code null} when it gave none. */
    private final @Nullable Duration retryAfter;

    /**
     * Creates the exception for the failure that {@code context} describes; its message names the
     * provider, method, path and status, then adds the server's message, a hint and the request id
     * when known. Most code should call {@link ApiExceptions#forStatus(ErrorContext)}, which picks
     * the subclass for the status.
     */
    public ApiException(ErrorContext context) {
        super(context.describe());
        this.statusCode = context.statusCode();
        this.headers = context.headers();
        this.body = context.body();
        this.requestId = context.requestId();
        this.errorCode = context.details().errorCode();
        this.serverMessage = context.details().message();
        this.retryAfter = context.retryAfter();
    }

    /**
     * How long the server asked the client to wait before trying again ({@code Retry-After} or
     * {@code X-RateLimit-Reset}), when it said so: on a 429, and on a 503 from a server that is
     * restarting or overloaded.
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * The HTTP status code, for example 403; for a 2xx body that reported a failure, the status
     * the provider's envelope assigned to it
     * ({@link ResponseEnvelope.EnvelopeFailure#effectiveStatus()}).
     */
    public int statusCode() {
        return statusCode;
    }

    /** The response headers, with {@code Set-Cookie} and other secrets redacted. */
    public HttpHeaders headers() {
        return headers == null ? HttpHeaders.empty() : headers;
    }

    /** The response body as text (possibly truncated to 64 KiB); empty when there was none. */
    public String body() {
        return body;
    }

    /** The request id the server assigned, when it sent one. Quote it to the provider's support. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** The provider's machine-readable error code (e.g. {@code environment-not-found}), when given. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** The provider's own message, as decoded from the body, when there was one. */
    public Optional<String> serverMessage() {
        return Optional.ofNullable(serverMessage);
    }
}
