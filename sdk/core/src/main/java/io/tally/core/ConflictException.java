package io.tally.core;

import io.tally.core.spi.ErrorContext;

/**
 * HTTP 409. The request conflicts with the current state of the resource.
 */
public class ConflictException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for the 409 failure that {@code context} describes. */
    public ConflictException(ErrorContext context) {
        super(context);
    }
}
