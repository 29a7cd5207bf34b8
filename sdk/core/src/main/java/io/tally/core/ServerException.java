package io.tally.core;

/**
 * HTTP 5xx. The server failed. Retried automatically for idempotent requests; this means the retries were used up.
 */
public class ServerException extends ApiException {
    private static final long serialVersionUID = 1L;

    public ServerException(ErrorContext context) {
        super(context);
    }
}
