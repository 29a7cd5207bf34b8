package io.tally.core;

/**
 * HTTP 404. The resource does not exist, or is not visible to these credentials.
 */
public class NotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(ErrorContext context) {
        super(context);
    }
}
