package io.tally.core;

import io.tally.core.spi.ErrorContext;

/**
 * HTTP 422. The request was well-formed but its content was rejected.
 */
public class UnprocessableEntityException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for the 422 failure that {@code context} describes. */
    public UnprocessableEntityException(ErrorContext context) {
        super(context);
    }
}
