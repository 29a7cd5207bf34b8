package io.tally.core.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Something went wrong delivering records through a {@link DeliveryPipeline}, as reported to its error handler and
 * listed in {@link FlushResult#failures()}. Delivery runs in the background, so failures are reported rather than
 * thrown. Nothing here contains a credential: the records are the payloads the provider serialised, and the
 * causes are the SDK's redacted exceptions.
 *
 * <table>
 *   <caption>Kinds of failure</caption>
 *   <tr><th>{@link Kind}</th><th>What happened</th><th>The records</th></tr>
 *   <tr><td>{@link Kind#REJECTED REJECTED}</td><td>the server refused the batch for good</td><td>dropped</td></tr>
 *   <tr><td>{@link Kind#UNAVAILABLE UNAVAILABLE}</td><td>every attempt of a delivery round failed</td>
 *       <td>kept: retried on the next flush or interval</td></tr>
 *   <tr><td>{@link Kind#QUEUE_OVERFLOW QUEUE_OVERFLOW}</td><td>the memory queue (oldest dropped) or the durable
 *       queue (new ones dropped) was full; once per episode, with the count and time span</td><td>dropped</td></tr>
 *   <tr><td>{@link Kind#CLOSED CLOSED}</td><td>the pipeline closed before they could be sent, or a record came after
 *       close</td><td>dropped; with a durable queue they stay on disk instead</td></tr>
 *   <tr><td>{@link Kind#STORAGE STORAGE}</td><td>the durable queue failed, recovered, or was found damaged</td>
 *       <td>held in memory while the disk fails; damaged ones lost, counted</td></tr>
 * </table>
 */
public final class DeliveryFailure {
    /** What kind of failure. */
    public enum Kind {
        /** Refused by the server for good; the records are not sent again. */
        REJECTED,
        /** A delivery round failed on transient errors; the records stay queued and are retried. */
        UNAVAILABLE,
        /** The memory queue was full (the oldest were dropped) or the durable queue was (new ones were). */
        QUEUE_OVERFLOW,
        /** The pipeline closed with records unsent (memory queue only), or a record came after close. */
        CLOSED,
        /** The durable queue or other storage failed, recovered, or was found damaged; delivery goes on. */
        STORAGE
    }

    private final Kind kind;
    private final String message;
    private final @Nullable String endpoint;
    private final int statusCode;
    private final @Nullable String errorCode;
    private final List<byte[]> records;
    private final @Nullable Throwable cause;
    private final int count;
    private final @Nullable Instant firstAt;
    private final @Nullable Instant lastAt;

    private DeliveryFailure(Builder b) {
        this.kind = b.kind;
        this.message = b.message;
        this.endpoint = b.endpoint;
        this.statusCode = b.statusCode;
        this.errorCode = b.errorCode;
        this.records = b.records == null ? Collections.<byte[]>emptyList()
                : Collections.unmodifiableList(new ArrayList<>(b.records));
        this.cause = b.cause;
        this.count = b.count >= 0 ? b.count : this.records.size();
        this.firstAt = b.firstAt;
        this.lastAt = b.lastAt;
    }

    /**
     * Starts a failure report, for providers that report problems found outside the pipeline (their own storage)
     * through {@link DeliveryPipeline#report}.
     *
     * @param kind    what kind of failure
     * @param message what happened and what to do, for a log; no credentials
     * @return a builder
     */
    public static Builder builder(Kind kind, String message) {
        return new Builder(kind, message);
    }

    /**
     * What kind of failure this is, and so what became of the records.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * What happened and what to do, for a log.
     *
     * @return the message
     */
    public String message() {
        return message;
    }

    /**
     * The endpoint involved (e.g. {@code /track}), when one was.
     *
     * @return the endpoint path
     */
    public Optional<String> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /**
     * The HTTP status of the last response.
     *
     * @return the status, or 0 when there was none (network failure, not sent)
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * The provider's error code, when the response had one.
     *
     * @return the error code
     */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /**
     * Whether the records are still queued and will be sent again.
     *
     * @return {@code true} for {@link Kind#UNAVAILABLE}
     */
    public boolean willRetry() {
        return kind == Kind.UNAVAILABLE;
    }

    /**
     * How many records this failure concerns: for an overflow every record dropped in the episode (while
     * {@link #records()} carries at most {@link DeliveryPipeline#OVERFLOW_SAMPLE} of them); for a damaged durable
     * queue the number lost to the damage.
     *
     * @return the count
     */
    public int recordCount() {
        return count;
    }

    /**
     * When the first of the records reported together was dropped (overflow reports only).
     *
     * @return the time
     */
    public Optional<Instant> firstOccurredAt() {
        return Optional.ofNullable(firstAt);
    }

    /**
     * When the last of the records reported together was dropped (overflow reports only).
     *
     * @return the time
     */
    public Optional<Instant> lastOccurredAt() {
        return Optional.ofNullable(lastAt);
    }

    /**
     * The records concerned, as serialised: empty for storage failures; a sample for an overflow.
     *
     * @return the records, an unmodifiable list (do not change the arrays)
     */
    public List<byte[]> records() {
        return records;
    }

    /**
     * The records concerned as UTF-8 text (JSON for the providers in this project).
     *
     * @return one string per record
     */
    public List<String> recordsAsText() {
        List<String> out = new ArrayList<>(records.size());
        for (byte[] r : records) {
            out.add(new String(r, StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * The underlying exception (an {@link io.tally.core.ApiException}, a connection failure, an I/O error).
     *
     * @return the cause
     */
    public Optional<Throwable> cause() {
        return Optional.ofNullable(cause);
    }

    @Override
    public String toString() {
        return "DeliveryFailure[" + kind + ", " + count + " records: " + message + "]";
    }

    /** Builds a {@link DeliveryFailure}; only the kind and the message are required. */
    public static final class Builder {
        private final Kind kind;
        private final String message;
        private @Nullable String endpoint;
        private int statusCode;
        private @Nullable String errorCode;
        private @Nullable List<byte[]> records;
        private @Nullable Throwable cause;
        private int count = -1;
        private @Nullable Instant firstAt;
        private @Nullable Instant lastAt;

        private Builder(Kind kind, String message) {
            this.kind = Objects.requireNonNull(kind, "kind");
            this.message = Objects.requireNonNull(message, "message");
        }

        /**
         * The endpoint involved.
         *
         * @param endpoint e.g. {@code /track}, or {@code null}
         * @return this builder
         */
        public Builder endpoint(@Nullable String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /**
         * The HTTP status and the provider's error code of the last response.
         *
         * @param statusCode the status, 0 for none
         * @param errorCode  the error code, or {@code null}
         * @return this builder
         */
        public Builder status(int statusCode, @Nullable String errorCode) {
            this.statusCode = statusCode;
            this.errorCode = errorCode;
            return this;
        }

        /**
         * The records concerned (copied); the count is their number unless {@link #count} says otherwise.
         *
         * @param records the records, or {@code null} for none
         * @return this builder
         */
        public Builder records(@Nullable List<byte[]> records) {
            this.records = records;
            return this;
        }

        /**
         * The underlying exception.
         *
         * @param cause the cause, or {@code null}
         * @return this builder
         */
        public Builder cause(@Nullable Throwable cause) {
            this.cause = cause;
            return this;
        }

        /**
         * How many records the failure concerns, when not all of them are carried.
         *
         * @param count zero or more
         * @return this builder
         */
        public Builder count(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("count must be zero or more, got " + count);
            }
            this.count = count;
            return this;
        }

        /**
         * The time span of the drops an overflow report sums up.
         *
         * @param firstAt the first drop
         * @param lastAt  the last drop
         * @return this builder
         */
        public Builder span(Instant firstAt, Instant lastAt) {
            this.firstAt = firstAt;
            this.lastAt = lastAt;
            return this;
        }

        /**
         * The failure.
         *
         * @return the failure
         */
        public DeliveryFailure build() {
            return new DeliveryFailure(this);
        }
    }
}
