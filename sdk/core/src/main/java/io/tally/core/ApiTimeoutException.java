package io.tally.core;

/**
 * The request timed out: connecting, reading, or the whole call took longer than the configured
 * timeout ({@link ClientOptions.Builder#readTimeout}, {@link RequestOptions.Builder#timeout}), or the
 * request as a whole outlasted {@link ClientOptions.Builder#requestDeadline}.
 */
public class ApiTimeoutException extends ApiConnectionException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; {@code message} names the request without secrets, {@code cause} is
     * the timeout, usually an {@link java.io.InterruptedIOException}.
     */
    public ApiTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
