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

    /**
     * Creates the exception for the 429 failure that {@code context} describes, keeping its
     * {@link ErrorContext#retryAfter() retry hint}.
     */
    public RateLimitException(ErrorContext context) {
        super(context);
    }

    /** How long the server asked the client to wait, when it said so. */
    @Override
    public Optional<Duration> retryAfter() {
        return super.retryAfter();
    }
}
