package io.tally.core;

import io.tally.core.spi.ErrorContext;

/**
 * HTTP 400. The request was malformed or failed the server's validation.
 */
public class BadRequestException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for the 400 failure that {@code context} describes. */
    public BadRequestException(ErrorContext context) {
        super(context);
    }
}
