package io.tally.core;

import io.tally.core.spi.ErrorContext;

/**
 * HTTP any other non-success status. The server answered with a status Tally has no specific exception for.
 */
public class UnexpectedStatusException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a failure whose status has no more specific exception type, as
     * {@code context} describes it.
     */
    public UnexpectedStatusException(ErrorContext context) {
        super(context);
    }
}
