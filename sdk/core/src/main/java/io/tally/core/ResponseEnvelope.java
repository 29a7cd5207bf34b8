package io.tally.core;

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

    /** A 2xx body that reports failure. {@code effectiveStatus} chooses the exception type. */
    final class EnvelopeFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final int effectiveStatus;
        private final transient ErrorDetails details;

        public EnvelopeFailure(int effectiveStatus, ErrorDetails details) {
            super(details.message(), null, false, false);
            this.effectiveStatus = effectiveStatus;
            this.details = details;
        }

        public int effectiveStatus() {
            return effectiveStatus;
        }

        public ErrorDetails details() {
            return details;
        }
    }
}
