package io.tally.core;

/**
 * No HTTP response was received: the connection was refused or reset, DNS failed, or TLS could not
 * be established. Retried automatically when the request had not been sent yet, or when it is
 * idempotent; this exception means the retries (if any) were used up.
 */
public class ApiConnectionException extends TallyException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; {@code message} names the request and the failure without secrets,
     * {@code cause} is the I/O failure.
     */
    public ApiConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
