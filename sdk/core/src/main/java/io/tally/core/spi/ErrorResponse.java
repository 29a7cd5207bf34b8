package io.tally.core.spi;

import io.tally.core.HttpHeaders;
import java.util.Optional;

/**
 * A failed response as an {@link ErrorDecoder} sees it: status, headers and the body as text.
 *
 * @param statusCode the HTTP status
 * @param headers    the response headers (secrets redacted)
 * @param body       the body as text, empty when there was none
 */
public record ErrorResponse(int statusCode, HttpHeaders headers, String body) {
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
