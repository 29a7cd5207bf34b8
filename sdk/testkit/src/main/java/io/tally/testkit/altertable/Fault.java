package io.tally.testkit.altertable;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A failure {@link FakeAltertable} plays instead of (or before) its normal answer, to test how a
 * client copes: server errors, rate limiting, dropped connections and slow responses. Queue faults
 * with {@link FakeAltertable#failNext(int, Fault)}; each one applies to one request.
 *
 * <p>These are the Altertable names for the testkit's generic {@link io.tally.testkit.server.Fault}, which every
 * fake plays and which adds dripping and truncated bodies.
 */
public final class Fault {
    /** What the fault does. */
    public enum Kind {
        /** Nothing: the request is answered normally. Lets a schedule of faults interleave successes. */
        NONE,
        /** Answers with a status (5xx by default) and stores nothing. */
        STATUS,
        /** Answers 429, optionally with {@code Retry-After}, and stores nothing. */
        RATE_LIMITED,
        /** Closes the connection without answering, before storing anything. */
        DROP_BEFORE_STORING,
        /**
         * Stores the events as a successful request would, then closes the connection without
         * answering: the client cannot know the events arrived. This is how duplicates happen.
         */
        DROP_AFTER_STORING,
        /** Waits, then answers normally. */
        DELAY
    }

    private final Kind kind;
    private final int status;
    private final @Nullable Duration duration;

    private Fault(Kind kind, int status, @Nullable Duration duration) {
        this.kind = kind;
        this.status = status;
        this.duration = duration;
    }

    /** No fault: the request is answered normally (for schedules such as fail, fail, succeed, fail). */
    public static Fault none() {
        return new Fault(Kind.NONE, 0, null);
    }

    /** {@code 503 Service Unavailable} with the mock's error body; nothing is stored. */
    public static Fault serverError() {
        return status(503);
    }

    /**
     * Any status, answered with the mock's {@code {"ok":false,"error_code":"internal-error"}} body;
     * nothing is stored. Use 5xx or 408 for transient failures, other 4xx for rejections.
     */
    public static Fault status(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be between 400 and 599, got " + status);
        }
        return new Fault(Kind.STATUS, status, null);
    }

    /** {@code 429 Too Many Requests} without {@code Retry-After}; nothing is stored. */
    public static Fault rateLimited() {
        return new Fault(Kind.RATE_LIMITED, 429, null);
    }

    /** {@code 429 Too Many Requests} with {@code Retry-After} in whole seconds (rounded up). */
    public static Fault rateLimited(Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative, got " + retryAfter);
        }
        return new Fault(Kind.RATE_LIMITED, 429, retryAfter);
    }

    /** Closes the connection without a response, before the body is processed: nothing is stored. */
    public static Fault dropConnection() {
        return new Fault(Kind.DROP_BEFORE_STORING, 0, null);
    }

    /** Stores the request's events, then closes the connection without a response. */
    public static Fault dropConnectionAfterStoring() {
        return new Fault(Kind.DROP_AFTER_STORING, 0, null);
    }

    /** Waits this long (really: the fake's handler thread sleeps), then answers normally. */
    public static Fault delay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + delay);
        }
        return new Fault(Kind.DELAY, 0, delay);
    }

    /** The generic fault the {@link io.tally.testkit.server.FakeServer} underneath plays. */
    io.tally.testkit.server.Fault toServerFault() {
        switch (kind) {
            case NONE:
                return io.tally.testkit.server.Fault.none();
            case STATUS:
                return io.tally.testkit.server.Fault.status(status);
            case RATE_LIMITED:
                return duration == null ? io.tally.testkit.server.Fault.rateLimited()
                        : io.tally.testkit.server.Fault.rateLimited(duration);
            case DROP_BEFORE_STORING:
                return io.tally.testkit.server.Fault.dropConnection();
            case DROP_AFTER_STORING:
                return io.tally.testkit.server.Fault.dropConnectionAfterHandling();
            case DELAY:
                return io.tally.testkit.server.Fault.delay(Objects.requireNonNull(duration, "duration")); // delays have one
            default:
                throw new IllegalStateException("unknown fault " + kind);
        }
    }

    /** The Altertable name for a generic fault, or {@code null} for kinds it has none for (slow, truncated). */
    static @Nullable Fault fromServerFault(io.tally.testkit.server.Fault fault) {
        switch (fault.kind()) {
            case NONE:
                return none();
            case STATUS:
                return new Fault(Kind.STATUS, fault.status(), null);
            case RATE_LIMITED:
                return new Fault(Kind.RATE_LIMITED, 429, fault.duration());
            case DROP_CONNECTION:
                return dropConnection();
            case DROP_AFTER_HANDLING:
                return dropConnectionAfterStoring();
            case DELAY:
                return new Fault(Kind.DELAY, 0, fault.duration());
            default:
                return null;
        }
    }

    /** What the fault does. */
    public Kind kind() {
        return kind;
    }

    /** The status answered, for {@link Kind#STATUS} and {@link Kind#RATE_LIMITED}; 0 otherwise. */
    public int status() {
        return status;
    }

    /** The {@code Retry-After} of a rate-limit fault or the wait of a delay; {@code null} otherwise. */
    public @Nullable Duration duration() {
        return duration;
    }

    @Override
    public String toString() {
        switch (kind) {
            case STATUS:
                return "Fault[status " + status + "]";
            case RATE_LIMITED:
                return "Fault[429" + (duration != null ? ", Retry-After " + duration : "") + "]";
            case DELAY:
                return "Fault[delay " + duration + "]";
            default:
                return "Fault[" + kind + "]";
        }
    }
}
