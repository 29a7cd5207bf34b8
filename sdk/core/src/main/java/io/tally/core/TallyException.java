package io.tally.core;

/**
 * Root of every exception a Tally client throws. Unchecked, like the exceptions of OkHttp's and
 * the major vendor SDKs' callers: catch it (or a subclass) where you can act on the failure.
 *
 * <p>No message, {@code toString()} or field of a Tally exception ever contains a token, key,
 * cookie or password.
 */
public class TallyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception whose {@code message} must not hold a token, key, cookie or password.
     */
    public TallyException(String message) {
        super(message);
    }

    /**
     * Creates an exception whose {@code message} must not contain a secret; {@code cause} may be
     * {@code null}.
     */
    public TallyException(String message, Throwable cause) {
        super(message, cause);
    }
}
