package io.tally.core;

import io.tally.core.spi.ErrorContext;

/**
 * HTTP 5xx. The server failed. Retried automatically for idempotent requests; this means the retries were used up.
 * A 503 that says when to come back ({@code Retry-After}) gives that wait in {@link #retryAfter()}.
 */
public class ServerException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for the 5xx failure that {@code context} describes. */
    public ServerException(ErrorContext context) {
        super(context);
    }
}
