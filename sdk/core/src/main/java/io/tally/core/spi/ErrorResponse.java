package io.tally.core.spi;

import io.tally.core.HttpHeaders;
import java.util.Optional;

/**
 * A failed response as an {@link ErrorDecoder} sees it: status, headers and the body as text.
 *
 * @param statusCode the HTTP status
 * @param headers    the response headers (secrets redacted)
 * @param body       the body as text, empty when there was none
 * @param method     the request's HTTP method in upper case, or empty when not known
 */
public record ErrorResponse(int statusCode, HttpHeaders headers, String body, String method) {
    /** Normalises {@code method}: upper case, {@code null} as empty. */
    public ErrorResponse {
        method = method == null ? "" : method.toUpperCase(java.util.Locale.ROOT);
    }

    /** A response whose request method is not known. */
    public ErrorResponse(int statusCode, HttpHeaders headers, String body) {
        this(statusCode, headers, body, "");
    }

    /**
     * Whether the request may have changed something: any method but GET, HEAD and OPTIONS, and
     * {@code true} when the method is not known.
     */
    public boolean isWrite() {
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
    }

    /** The media type of the body without parameters, lower-cased, e.g. {@code text/plain}. */
    public Optional<String> mediaType() {
        return headers.first("content-type").map(v -> {
            int semi = v.indexOf(';');
            return (semi < 0 ? v : v.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
        });
    }

    /** Whether the body looks like JSON, by its media type or its first character. */
    public boolean looksLikeJson() {
        if (mediaType().map(t -> t.endsWith("json")).orElse(false)) {
            return true;
        }
        String trimmed = body.trim();
        return trimmed.startsWith("{") || trimmed.startsWith("[");
    }
}
