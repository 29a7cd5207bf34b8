package io.tally.core;

import io.tally.core.spi.ErrorContext;

/**
 * HTTP 404. The resource does not exist, or is not visible to these credentials.
 */
public class NotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for the 404 failure that {@code context} describes. */
    public NotFoundException(ErrorContext context) {
        super(context);
    }
}
