package io.tally.core;

/**
 * HTTP 400. The request was malformed or failed the server's validation.
 */
public class BadRequestException extends ApiException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(ErrorContext context) {
        super(context);
    }
}
