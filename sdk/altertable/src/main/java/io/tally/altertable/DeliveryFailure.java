package io.tally.altertable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Something went wrong delivering payloads, as reported to the {@link Altertable.Builder#onError
 * error handler} and listed in {@link FlushResult#failures()}. Delivery runs in the background, so
 * failures are reported rather than thrown; nothing here ever contains the API key. It presents a
 * {@link io.tally.core.delivery.DeliveryFailure} of the delivery pipeline Altertable runs on.
 *
 * <table>
 *   <caption>Kinds of failure</caption>
 *   <tr><th>{@link Kind}</th><th>What happened</th><th>The payloads</th></tr>
 *   <tr><td>{@link Kind#REJECTED REJECTED}</td><td>Altertable refused the batch with a 4xx other
 *       than 408 and 429 (bad key, unknown environment, invalid payload)</td><td>dropped: not sent
 *       again</td></tr>
 *   <tr><td>{@link Kind#UNAVAILABLE UNAVAILABLE}</td><td>every attempt of a delivery round failed
 *       (network error, 408, 429, 5xx)</td><td>kept: retried on the next flush or interval</td></tr>
 *   <tr><td>{@link Kind#QUEUE_OVERFLOW QUEUE_OVERFLOW}</td><td>the memory queue was full, so the
 *       oldest payloads made room for new ones; or the durable queue reached its byte limit, so new
 *       payloads were not queued. Reported once per episode, with the count and the time of the
 *       first and last drop</td><td>dropped</td></tr>
 *   <tr><td>{@link Kind#CLOSED CLOSED}</td><td>the client was closed before they could be sent
 *       (or a payload arrived after close)</td><td>dropped; with a durable queue they stay on disk
 *       instead and this is not reported</td></tr>
 *   <tr><td>{@link Kind#STORAGE STORAGE}</td><td>the durable queue or the mobile storage could not
 *       be read or written; the disk accepts writes again (with how many payloads were held in memory
 *       only meanwhile); or the durable queue was found damaged at start</td><td>kept in memory
 *       while the disk fails (written to it when it recovers); the damaged ones lost, counted in
 *       {@link #payloadCount()}</td></tr>
 * </table>
 */
public final class DeliveryFailure {
    /** What kind of failure. */
    public enum Kind {
        /** Refused by Altertable (4xx other than 408/429); the payloads are not sent again. */
        REJECTED,
        /** A delivery round failed on transient errors; the payloads stay queued and are retried. */
        UNAVAILABLE,
        /** The memory queue was full (the oldest were dropped) or the durable queue was (new ones were). */
        QUEUE_OVERFLOW,
        /** The client closed with payloads unsent (memory queue only), or a call came after close. */
        CLOSED,
        /** The durable queue or the storage failed, recovered, or was found damaged; delivery goes on. */
        STORAGE
    }

    private final io.tally.core.delivery.DeliveryFailure failure;
    private final Kind kind;

    DeliveryFailure(Kind kind, String message, @Nullable String endpoint, int statusCode, @Nullable String errorCode,
            List<byte[]> payloads, @Nullable Throwable cause) {
        this(io.tally.core.delivery.DeliveryFailure.builder(coreKind(kind), message).endpoint(endpoint)
                .status(statusCode, errorCode).records(payloads).cause(cause).build());
    }

    /** With a count that may exceed the payloads carried, and the time span of the drops it sums up. */
    DeliveryFailure(Kind kind, String message, @Nullable String endpoint, int statusCode, @Nullable String errorCode,
            List<byte[]> payloads, @Nullable Throwable cause, int payloadCount, Instant firstAt, Instant lastAt) {
        this(io.tally.core.delivery.DeliveryFailure.builder(coreKind(kind), message).endpoint(endpoint)
                .status(statusCode, errorCode).records(payloads).cause(cause).count(payloadCount).span(firstAt, lastAt)
                .build());
    }

    /** Altertable's view of a failure reported by the delivery pipeline. */
    DeliveryFailure(io.tally.core.delivery.DeliveryFailure failure) {
        this.failure = Objects.requireNonNull(failure, "failure");
        this.kind = Kind.valueOf(failure.kind().name());
    }

    /** The pipeline's failure this one presents. */
    io.tally.core.delivery.DeliveryFailure toCore() {
        return failure;
    }

    private static io.tally.core.delivery.DeliveryFailure.Kind coreKind(Kind kind) {
        return io.tally.core.delivery.DeliveryFailure.Kind.valueOf(Objects.requireNonNull(kind, "kind").name());
    }

    /** What kind of failure this is, and so what became of the payloads. */
    public Kind kind() {
        return kind;
    }

    /** What happened and what to do, for a log. */
    public String message() {
        return failure.message();
    }

    /** The endpoint involved ({@code /track}, {@code /identify}, {@code /alias}), when one was. */
    public Optional<String> endpoint() {
        return failure.endpoint();
    }

    /** The HTTP status of the last response, or 0 when there was none (network failure, not sent). */
    public int statusCode() {
        return failure.statusCode();
    }

    /** Altertable's {@code error_code}, e.g. {@code environment-not-found}, when the response had one. */
    public Optional<String> errorCode() {
        return failure.errorCode();
    }

    /** Whether the payloads are still queued and will be sent again. */
    public boolean willRetry() {
        return kind == Kind.UNAVAILABLE;
    }

    /**
     * How many payloads this failure concerns. For an overflow this counts every payload dropped in
     * the episode, while {@link #payloads()} carries at most the first 100 of them (none when the
     * durable queue was full, since those were never queued); for a {@link Kind#STORAGE} report
     * about a damaged durable queue it is the number of payloads lost to the damage.
     */
    public int payloadCount() {
        return failure.recordCount();
    }

    /** When the first of the payloads reported together was dropped (overflow reports only). */
    public Optional<Instant> firstOccurredAt() {
        return failure.firstOccurredAt();
    }

    /** When the last of the payloads reported together was dropped (overflow reports only). */
    public Optional<Instant> lastOccurredAt() {
        return failure.lastOccurredAt();
    }

    /**
     * The payloads concerned, as the JSON objects that were (or would have been) sent: keep them to
     * resend or inspect what was refused. Empty for storage failures (their payloads are on disk or
     * lost to damage); for an overflow, a sample (see {@link #payloadCount()}).
     */
    public List<String> payloads() {
        return failure.recordsAsText();
    }

    /** The underlying exception (an {@link io.tally.core.ApiException}, a connection failure, an I/O error). */
    public Optional<Throwable> cause() {
        return failure.cause();
    }

    /** Two views of the same reported failure are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DeliveryFailure && ((DeliveryFailure) o).failure == failure;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(failure);
    }

    @Override
    public String toString() {
        return "DeliveryFailure[" + kind + ", " + payloadCount() + " payloads: " + message() + "]";
    }
}
