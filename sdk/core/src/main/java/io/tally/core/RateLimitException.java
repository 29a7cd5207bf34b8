package io.tally.core;

import io.tally.core.spi.ErrorContext;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTP 429. Thrown only after Tally's automatic retries are used up, or at once when the server
 * asked for a wait longer than {@link RetryPolicy.Builder#maxRetryAfter} allows: in that case
 * {@link #retryAfter()} says how long the server asked to wait.
 */
public class RateLimitException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** The wait the server asked for, or {@code null} when it gave none. */
    private final Duration retryAfter;

    /**
     * Creates the exception for the 429 failure that {@code context} describes, keeping its
     * {@link ErrorContext#retryAfter() retry hint}.
     */
    public RateLimitException(ErrorContext context) {
        super(context);
        this.retryAfter = context.retryAfter();
    }

    /** How long the server asked the client to wait, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
