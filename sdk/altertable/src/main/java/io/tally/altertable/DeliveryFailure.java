package io.tally.altertable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something went wrong delivering payloads, as reported to the {@link Altertable.Builder#onError
 * error handler} and listed in {@link FlushResult#failures()}. Delivery runs in the background, so
 * failures are reported rather than thrown; nothing here ever contains the API key.
 *
 * <table>
 *   <caption>Kinds of failure</caption>
 *   <tr><th>{@link Kind}</th><th>What happened</th><th>The payloads</th></tr>
 *   <tr><td>{@link Kind#REJECTED REJECTED}</td><td>Altertable refused the batch with a 4xx other
 *       than 408 and 429 (bad key, unknown environment, invalid payload)</td><td>dropped: not sent
 *       again</td></tr>
 *   <tr><td>{@link Kind#UNAVAILABLE UNAVAILABLE}</td><td>every attempt of a delivery round failed
 *       (network error, 408, 429, 5xx)</td><td>kept: retried on the next flush or interval</td></tr>
 *   <tr><td>{@link Kind#QUEUE_OVERFLOW QUEUE_OVERFLOW}</td><td>the queue was full, so the oldest
 *       payloads made room for new ones</td><td>dropped</td></tr>
 *   <tr><td>{@link Kind#CLOSED CLOSED}</td><td>the client was closed before they could be sent
 *       (or a payload arrived after close)</td><td>dropped; with a durable queue they stay on disk
 *       instead and this is not reported</td></tr>
 *   <tr><td>{@link Kind#STORAGE STORAGE}</td><td>the durable queue or the mobile storage could not
 *       be read or written</td><td>kept in memory</td></tr>
 * </table>
 */
public final class DeliveryFailure {
    /** What kind of failure. */
    public enum Kind {
        /** Refused by Altertable (4xx other than 408/429); the payloads are not sent again. */
        REJECTED,
        /** A delivery round failed on transient errors; the payloads stay queued and are retried. */
        UNAVAILABLE,
        /** The queue was full; the oldest payloads were dropped. */
        QUEUE_OVERFLOW,
        /** The client closed with payloads unsent (memory queue only), or a call came after close. */
        CLOSED,
        /** The durable queue or the storage failed; delivery goes on from memory. */
        STORAGE
    }

    private final Kind kind;
    private final String message;
    private final String endpoint;
    private final int statusCode;
    private final String errorCode;
    private final List<byte[]> payloads;
    private final Throwable cause;

    DeliveryFailure(Kind kind, String message, String endpoint, int statusCode, String errorCode, List<byte[]> payloads,
                    Throwable cause) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.message = message;
        this.endpoint = endpoint;
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.payloads = payloads == null ? Collections.<byte[]>emptyList()
                : Collections.unmodifiableList(new ArrayList<>(payloads));
        this.cause = cause;
    }

    /** What kind of failure this is, and so what became of the payloads. */
    public Kind kind() {
        return kind;
    }

    /** What happened and what to do, for a log. */
    public String message() {
        return message;
    }

    /** The endpoint involved ({@code /track}, {@code /identify}, {@code /alias}), when one was. */
    public Optional<String> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /** The HTTP status of the last response, or 0 when there was none (network failure, not sent). */
    public int statusCode() {
        return statusCode;
    }

    /** Altertable's {@code error_code}, e.g. {@code environment-not-found}, when the response had one. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** Whether the payloads are still queued and will be sent again. */
    public boolean willRetry() {
        return kind == Kind.UNAVAILABLE;
    }

    /** How many payloads this failure concerns. */
    public int payloadCount() {
        return payloads.size();
    }

    /**
     * The payloads concerned, as the JSON objects that were (or would have been) sent: keep them to
     * resend or inspect what was refused. Empty for storage failures that concern no payload.
     */
    public List<String> payloads() {
        List<String> out = new ArrayList<>(payloads.size());
        for (byte[] p : payloads) {
            out.add(new String(p, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The underlying exception (an {@link io.tally.core.ApiException}, a connection failure, an I/O error). */
    public Optional<Throwable> cause() {
        return Optional.ofNullable(cause);
    }

    @Override
    public String toString() {
        return "DeliveryFailure[" + kind + ", " + payloads.size() + " payloads: " + message + "]";
    }
}
