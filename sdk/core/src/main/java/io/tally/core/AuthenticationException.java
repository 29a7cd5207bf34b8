package io.tally.core;

import io.tally.core.spi.ErrorContext;

/**
 * HTTP 401. The credentials were missing, unknown, revoked or expired, or this route needs another kind of credential.
 */
public class AuthenticationException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for the 401 failure that {@code context} describes. */
    public AuthenticationException(ErrorContext context) {
        super(context);
    }
}
