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

    public TallyException(String message) {
        super(message);
    }

    public TallyException(String message, Throwable cause) {
        super(message, cause);
    }
}
