package io.tally.core;

import io.tally.core.spi.ErrorContext;

/**
 * HTTP 402. The account's plan does not include this feature.
 */
public class PaymentRequiredException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for the 402 failure that {@code context} describes. */
    public PaymentRequiredException(ErrorContext context) {
        super(context);
    }
}
