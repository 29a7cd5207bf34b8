package io.tally.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.core.json.TallyJson;
import org.jspecify.annotations.Nullable;

/**
 * Reads a provider's error body into {@link ErrorDetails}. Each provider module supplies one (HitKeep
 * sends plain text, EngageTrack {@code {"error":…}}, Alephant {@code {code,message,data}},
 * Altertable {@code {ok,error_code}}); the status-to-exception mapping is shared.
 *
 * <p>A decoder must not throw: on a body it cannot read it returns what it can, at worst
 * {@link ErrorDetails#none()}.
 */
@FunctionalInterface
public interface ErrorDecoder {
    /**
     * Reads what {@code response}'s body says about the failure. Returns
     * {@link ErrorDetails#none()} rather than throwing when the body is unreadable; the transport
     * treats a {@code null} result or an exception the same way.
     */
    ErrorDetails decode(ErrorResponse response);

    /**
     * A decoder that understands the common shapes: a plain-text body is the message; a JSON body
     * is read for {@code message}, {@code error} (a string or an object with {@code message} and
     * {@code code}), {@code error_description}, {@code code} and {@code error_code}.
     */
    static ErrorDecoder standard() {
        return response -> {
            String body = response.body() == null ? "" : response.body().trim();
            if (body.isEmpty()) {
                return ErrorDetails.none();
            }
            if (!response.looksLikeJson()) {
                return ErrorDetails.message(firstLine(body));
            }
            JsonNode root = TallyJson.readTreeOrNull(body);
            if (root == null || !root.isObject()) {
                return ErrorDetails.message(firstLine(body));
            }
            ErrorDetails.Builder b = ErrorDetails.builder();
            JsonNode error = root.path("error");
            if (error.isObject()) {
                b.message(text(error, "message")).errorCode(text(error, "code"));
            } else if (error.isTextual()) {
                b.message(error.asText());
            }
            if (root.hasNonNull("message")) {
                b.message(text(root, "message"));
            } else if (root.hasNonNull("error_description")) {
                b.message(text(root, "error_description"));
            }
            String code = text(root, "error_code");
            if (code == null && root.path("code").isTextual()) {
                code = text(root, "code");
            }
            if (code != null) {
                b.errorCode(code);
            }
            return b.build();
        };
    }

    /**
     * A decoder for {@code {"code": 40020, "message": "…", "data": …}} error bodies (Alephant): the
     * business code, a number or a string, becomes {@link ErrorDetails#errorCode()} (as text, e.g.
     * {@code "40020"}), {@code message} the message. Other bodies are read by {@link #standard()}.
     */
    static ErrorDecoder codeMessageData() {
        ErrorDecoder fallback = standard();
        return response -> {
            JsonNode root = response.looksLikeJson() ? TallyJson.readTreeOrNull(response.body()) : null;
            if (root == null || !root.isObject() || !root.has("code") || !root.get("code").isValueNode()) {
                return fallback.decode(response);
            }
            return ErrorDetails.builder().errorCode(text(root, "code")).message(text(root, "message")).build();
        };
    }

    /**
     * This decoder, plus a retry time read from the message when it names an RFC 3339 instant
     * (EngageTrack's 429: {@code Rate limit exceeded. Retry after 2026-03-14T12:01:00Z}). The
     * transport waits until then, like for {@code Retry-After}, when no header gives a hint.
     */
    default ErrorDecoder withRetryTimeFromMessage() {
        ErrorDecoder base = this;
        return response -> {
            ErrorDetails details = base.decode(response);
            if (details == null || details.retryAt() != null) {
                return details;
            }
            java.time.Instant at = RetryHints.instantIn(details.message());
            return at == null ? details : details.toBuilder().retryAt(at).build();
        };
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String firstLine(String body) {
        int nl = body.indexOf('\n');
        String line = nl < 0 ? body : body.substring(0, nl);
        return line.length() > 500 ? line.substring(0, 500) + "…" : line;
    }
}
