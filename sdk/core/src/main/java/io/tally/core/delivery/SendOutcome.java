package io.tally.core.delivery;

import io.tally.core.ApiException;
import io.tally.core.spi.RetryHints;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What became of one attempt to send a batch, as a {@link RecordSender} classifies it: delivered, retry later
 * (with the server's retry time when it gave one), rejected for good, or too large (the pipeline halves the batch;
 * a single record too large is rejected).
 */
public final class SendOutcome {
    /** The four outcomes. */
    public enum Kind {
        /** The server accepted the batch: it leaves the queue. */
        DELIVERED,
        /** A transient failure (network, 408, 429, 5xx): the batch stays at the head and is sent again. */
        RETRY_LATER,
        /** The server refused the batch for good (a 4xx): it leaves the queue and is reported. */
        REJECTED,
        /** The batch was too large (413): it is halved and sent again; a single record is rejected. */
        TOO_LARGE
    }

    private final Kind kind;
    private final int status;
    private final @Nullable String errorCode;
    private final @Nullable Duration retryAfter;
    private final @Nullable Throwable cause;

    private SendOutcome(Kind kind, int status, @Nullable String errorCode, @Nullable Duration retryAfter,
            @Nullable Throwable cause) {
        this.kind = kind;
        this.status = status;
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
        this.cause = cause;
    }

    /**
     * The server accepted the batch.
     *
     * @param status the HTTP status of the answer
     * @return the outcome
     */
    public static SendOutcome delivered(int status) {
        return new SendOutcome(Kind.DELIVERED, status, null, null, null);
    }

    /**
     * A transient failure: the batch is sent again after {@code retryAfter}, or after the retry policy's backoff
     * when it is {@code null}.
     *
     * @param status     the HTTP status, or 0 when there was no answer
     * @param errorCode  the provider's error code, or {@code null}
     * @param retryAfter the server's retry time from now, or {@code null} when it gave none
     * @param cause      the failure, or {@code null}
     * @return the outcome
     */
    public static SendOutcome retryLater(int status, @Nullable String errorCode, @Nullable Duration retryAfter,
            @Nullable Throwable cause) {
        if (retryAfter != null && retryAfter.isNegative()) {
            retryAfter = Duration.ZERO;
        }
        return new SendOutcome(Kind.RETRY_LATER, status, errorCode, retryAfter, cause);
    }

    /**
     * The server refused the batch for good; it is dropped and reported as {@link DeliveryFailure.Kind#REJECTED}.
     *
     * @param status    the HTTP status
     * @param errorCode the provider's error code, or {@code null}
     * @param cause     the failure, or {@code null}
     * @return the outcome
     */
    public static SendOutcome rejected(int status, @Nullable String errorCode, @Nullable Throwable cause) {
        return new SendOutcome(Kind.REJECTED, status, errorCode, null, cause);
    }

    /**
     * The batch was too large for the server (413): the pipeline halves it; a single record is rejected.
     *
     * @param status    the HTTP status
     * @param errorCode the provider's error code, or {@code null}
     * @param cause     the failure, or {@code null}
     * @return the outcome
     */
    public static SendOutcome tooLarge(int status, @Nullable String errorCode, @Nullable Throwable cause) {
        return new SendOutcome(Kind.TOO_LARGE, status, errorCode, null, cause);
    }

    /**
     * The usual classification of a failed request: 408, 429 and 5xx retry later (at the server's hint:
     * {@link ApiException#retryAfter()}, else {@code Retry-After} or {@code X-RateLimit-Reset}), 413 is too
     * large, any other status is rejected, and a failure without an answer (connection, timeout, unreadable
     * response) retries later, since the batch may or may not have arrived.
     *
     * @param failure what the request threw
     * @param clock   the clock a reset time is measured against
     * @return the outcome
     */
    public static SendOutcome classify(RuntimeException failure, Clock clock) {
        Objects.requireNonNull(failure, "failure");
        if (!(failure instanceof ApiException)) {
            return retryLater(0, null, null, failure);
        }
        ApiException e = (ApiException) failure;
        int status = e.statusCode();
        String code = e.errorCode().orElse(null);
        if (status == 408 || status == 429 || status >= 500) {
            Duration hint = e.retryAfter().orElse(null);
            if (hint == null) {
                hint = RetryHints.retryAfter(e.headers(), clock);
            }
            return retryLater(status, code, hint, e);
        }
        if (status == 413) {
            return tooLarge(status, code, e);
        }
        return rejected(status, code, e);
    }

    /**
     * Which outcome this is.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The HTTP status of the answer.
     *
     * @return the status, or 0 when there was no answer
     */
    public int statusCode() {
        return status;
    }

    /**
     * The provider's error code.
     *
     * @return the code, when the answer had one
     */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /**
     * The server's retry time, from now, for {@link Kind#RETRY_LATER}.
     *
     * @return the wait, when the server gave one
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * The failure behind this outcome.
     *
     * @return the exception, when there was one
     */
    public Optional<Throwable> cause() {
        return Optional.ofNullable(cause);
    }

    String describeCause() {
        if (cause == null) {
            return "no detail";
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return "SendOutcome[" + kind + (status > 0 ? ", " + status : "") + (errorCode != null ? ", " + errorCode : "")
                + (retryAfter != null ? ", retry after " + retryAfter : "") + "]";
    }
}
