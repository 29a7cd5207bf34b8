package io.tally.core;

import java.util.Optional;

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

    private final int statusCode;
    private final transient HttpHeaders headers;
    private final String body;
    private final String requestId;
    private final String errorCode;
    private final String serverMessage;

    public ApiException(ErrorContext context) {
        super(context.describe());
        this.statusCode = context.statusCode();
        this.headers = context.headers();
        this.body = context.body();
        this.requestId = context.requestId();
        this.errorCode = context.details().errorCode();
        this.serverMessage = context.details().message();
    }

    /** The HTTP status code, for example 403. */
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
