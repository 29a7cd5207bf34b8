package io.tally.core.spi;

import io.tally.core.ApiException;
import io.tally.core.BadRequestException;
import io.tally.core.HttpHeaders;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a provider wraps successful JSON responses: bare bodies, {@code {success, data}} or
 * {@code {code, message, data}} with business codes. {@link #unwrap} returns the payload, or throws
 * {@link EnvelopeFailure} when a 2xx body reports a failure (the transport turns it into an
 * {@link ApiException} carrying the request's context).
 */
@FunctionalInterface
public interface ResponseEnvelope {
    /** The body as is. */
    ResponseEnvelope BARE = (root, statusCode) -> root;

    /**
     * Returns the payload of a successful JSON body, or {@code root} itself when it is not wrapped.
     *
     * @param root       the parsed body; never {@code null}, since empty bodies are not unwrapped
     * @param statusCode the response's 2xx status, for envelopes that report business failures
     * @throws EnvelopeFailure when the body reports a failure despite its 2xx status
     */
    JsonNode unwrap(JsonNode root, int statusCode) throws EnvelopeFailure;

    /**
     * {@code {"success": true, "data": …}}: returns {@code data} (or the whole body when there is no
     * {@code data} field); {@code "success": false} is a failure read with the standard decoder.
     */
    static ResponseEnvelope successData() {
        return (root, status) -> {
            if (root != null && root.isObject() && root.has("success")) {
                if (!root.path("success").asBoolean(true)) {
                    ErrorDetails details = ErrorDecoder.standard()
                            .decode(new ErrorResponse(status, HttpHeaders.empty(), root.toString()));
                    throw new EnvelopeFailure(status == 200 ? 400 : status, details);
                }
                return root.has("data") ? root.get("data") : root;
            }
            return root;
        };
    }

    /**
     * {@code {"code": …, "message": "…", "data": …}} (Alephant): returns {@code data}, or the whole
     * body when it has no {@code data} field (some routes answer with bare top-level fields). A 2xx
     * body whose numeric {@code code} is a key of {@code failureStatuses} is a failure with that
     * status (e.g. {@code 40020 -> 400}), its code as {@link ErrorDetails#errorCode()} and its
     * {@code message}; any other code counts as success, since HTTP 2xx is what says so.
     *
     * @param failureStatuses business codes that mean failure, each with the HTTP status whose
     *                        exception type it becomes
     */
    static ResponseEnvelope codeMessageData(java.util.Map<Integer, Integer> failureStatuses) {
        java.util.Map<Integer, Integer> failures = java.util.Collections
                .unmodifiableMap(new java.util.HashMap<>(failureStatuses));
        return (root, status) -> {
            if (root == null || !root.isObject() || !root.has("code")) {
                return root;
            }
            JsonNode code = root.get("code");
            if (code.canConvertToInt() && failures.containsKey(code.asInt())) {
                ErrorDetails details = ErrorDetails.builder().errorCode(code.asText())
                        .message(root.path("message").isValueNode() ? root.path("message").asText() : null).build();
                throw new EnvelopeFailure(failures.get(code.asInt()), details);
            }
            return root.has("data") ? root.get("data") : root;
        };
    }

    /** A 2xx body that reports failure. {@code effectiveStatus} chooses the exception type. */
    final class EnvelopeFailure extends Exception {
        private static final long serialVersionUID = 1L;
        /** The status whose exception type the failure becomes. */
        private final int effectiveStatus;
        private final transient ErrorDetails details;

        /**
         * Creates a failure that surfaces as the exception for {@code effectiveStatus} (e.g. 400
         * for {@link BadRequestException}) with {@code details}, which must not be {@code null}.
         */
        public EnvelopeFailure(int effectiveStatus, ErrorDetails details) {
            super(details.message(), null, false, false);
            this.effectiveStatus = effectiveStatus;
            this.details = details;
        }

        /**
         * The status that picks the exception type; {@link ApiException#statusCode()} reports it.
         */
        public int effectiveStatus() {
            return effectiveStatus;
        }

        /** What the body says about the failure. */
        public ErrorDetails details() {
            return details;
        }
    }
}
