package io.tally.core;

/**
 * HTTP any other non-success status. The server answered with a status Tally has no specific exception for.
 */
public class UnexpectedStatusException extends ApiException {
    private static final long serialVersionUID = 1L;

    public UnexpectedStatusException(ErrorContext context) {
        super(context);
    }
}
