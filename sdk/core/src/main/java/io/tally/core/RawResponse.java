package io.tally.core;

import io.tally.core.spi.ResponseReader;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A parsed value together with the response it came from: status, headers and request id. Returned
 * by {@code executeRaw()} on any request.
 *
 * @param <T> the parsed value's type
 */
public final class RawResponse<T> {
    private final int statusCode;
    private final HttpHeaders headers;
    private final @Nullable String requestId;
    private final T value;

    /**
     * A response as the transport read it: status, headers (secrets redacted), the request id the
     * server sent or {@code null}, and the value read from the body.
     */
    public RawResponse(int statusCode, HttpHeaders headers, @Nullable String requestId, T value) {
        this.statusCode = statusCode;
        this.headers = headers;
        this.requestId = requestId;
        this.value = value;
    }

    /**
     * The HTTP status: 2xx, or 3xx for a reader that
     * {@link ResponseReader#acceptsRedirect() accepts redirects}.
     */
    public int statusCode() {
        return statusCode;
    }

    /** Response headers, secrets redacted. */
    public HttpHeaders headers() {
        return headers;
    }

    /** The request id the server sent, when it sent one; quote it to the provider's support. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** The parsed body; {@code null} for endpoints that return nothing. */
    public T value() {
        return value;
    }

    @Override
    public String toString() {
        return "RawResponse[status=" + statusCode + ", requestId=" + requestId + ", value=" + value + "]";
    }
}
