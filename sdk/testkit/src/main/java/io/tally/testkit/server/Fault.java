package io.tally.testkit.server;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A failure a {@link FakeServer} plays instead of (or around) its normal answer, to test how a client copes:
 * server errors, rate limiting, dropped connections, slow, dripping and truncated responses. Queue faults with
 * {@link FakeServer#failNext(int, Fault)} (or the same method of any fake); each one applies to one request, before
 * authentication and routing. Immutable.
 *
 * <p>Faults that need the normal answer first ({@link #dropConnectionAfterHandling()}, {@link #slowBody},
 * {@link #truncatedBody()}) let the fake build it in memory, so they suit ordinary responses, not endless streams.
 * {@link #delay(Duration)} and {@link #slowBody} really wait on the fake's handler thread: keep them short, and
 * let the client's timeouts (not the test) decide what happens.
 */
public final class Fault {
    /** What the fault does. */
    public enum Kind {
        /** Nothing: the request is answered normally. Lets a schedule of faults interleave successes. */
        NONE,
        /** Answers with a status and the fake's (or the fault's) error body; the request is not handled. */
        STATUS,
        /** Answers 429, optionally with {@code Retry-After}; the request is not handled. */
        RATE_LIMITED,
        /** Closes the connection without answering, before handling the request. */
        DROP_CONNECTION,
        /**
         * Handles the request (it takes effect, e.g. events are stored) and then closes the connection without
         * answering: the client cannot know it succeeded. This is how duplicates happen.
         */
        DROP_AFTER_HANDLING,
        /** Waits, then answers normally. */
        DELAY,
        /** Answers normally but sends the body a few bytes at a time with a pause between. */
        SLOW_BODY,
        /** Answers normally but closes the connection half-way through the body it announced. */
        TRUNCATED_BODY
    }

    private final Kind kind;
    private final int status;
    private final @Nullable Duration duration;
    private final int chunkBytes;
    private final @Nullable ErrorBody body;
    private final Map<String, String> headers;

    private Fault(Kind kind, int status, @Nullable Duration duration, int chunkBytes, @Nullable ErrorBody body,
            Map<String, String> headers) {
        this.kind = kind;
        this.status = status;
        this.duration = duration;
        this.chunkBytes = chunkBytes;
        this.body = body;
        this.headers = headers;
    }

    private static Fault of(Kind kind, int status, @Nullable Duration duration) {
        return new Fault(kind, status, duration, 0, null, Collections.emptyMap());
    }

    /** No fault: the request is answered normally (for schedules such as fail, fail, succeed, fail). */
    public static Fault none() {
        return of(Kind.NONE, 0, null);
    }

    /** {@code 503 Service Unavailable} with the fake's error body. */
    public static Fault serverError() {
        return status(503);
    }

    /**
     * Any error status with the fake's error body for it. Use 5xx or 408 for transient failures, other 4xx for
     * rejections.
     *
     * @throws IllegalArgumentException unless {@code 400 <= status <= 599}
     */
    public static Fault status(int status) {
        return of(Kind.STATUS, checkStatus(status), null);
    }

    /**
     * Any error status with this body, e.g. {@code Fault.status(422, ErrorBody.json("{\"error\":\"bad\"}"))}.
     *
     * @throws IllegalArgumentException unless {@code 400 <= status <= 599}, or if {@code body} is {@code null}
     */
    public static Fault status(int status, ErrorBody body) {
        if (body == null) {
            throw new IllegalArgumentException("body must not be null; use Fault.status(int) for the fake's own");
        }
        return new Fault(Kind.STATUS, checkStatus(status), null, 0, body, Collections.emptyMap());
    }

    /** {@code 429 Too Many Requests} without {@code Retry-After}. */
    public static Fault rateLimited() {
        return of(Kind.RATE_LIMITED, 429, null);
    }

    /**
     * {@code 429 Too Many Requests} with {@code Retry-After} in whole seconds (rounded up).
     *
     * @throws IllegalArgumentException if {@code retryAfter} is {@code null} or negative
     */
    public static Fault rateLimited(Duration retryAfter) {
        return of(Kind.RATE_LIMITED, 429, nonNegative("retryAfter", retryAfter));
    }

    /** Closes the connection without a response, before the request is handled: nothing takes effect. */
    public static Fault dropConnection() {
        return of(Kind.DROP_CONNECTION, 0, null);
    }

    /** Handles the request (it takes effect), then closes the connection without a response. */
    public static Fault dropConnectionAfterHandling() {
        return of(Kind.DROP_AFTER_HANDLING, 0, null);
    }

    /**
     * Waits this long (the fake's handler thread really sleeps), then answers normally.
     *
     * @throws IllegalArgumentException if {@code delay} is {@code null} or negative
     */
    public static Fault delay(Duration delay) {
        return of(Kind.DELAY, 0, nonNegative("delay", delay));
    }

    /**
     * Sends the normal answer's headers at once, then its body {@code chunkBytes} at a time with {@code pause}
     * between chunks: a dripping response, to test read timeouts and deadlines.
     *
     * @throws IllegalArgumentException unless {@code chunkBytes >= 1} and {@code pause} is not negative
     */
    public static Fault slowBody(int chunkBytes, Duration pause) {
        if (chunkBytes < 1) {
            throw new IllegalArgumentException("chunkBytes must be at least 1, got: " + chunkBytes);
        }
        return new Fault(Kind.SLOW_BODY, 0, nonNegative("pause", pause), chunkBytes, null, Collections.emptyMap());
    }

    /**
     * Sends the normal answer's status and headers announcing its full length, then half of the body (rounded down),
     * then closes the connection.
     */
    public static Fault truncatedBody() {
        return of(Kind.TRUNCATED_BODY, 0, null);
    }

    /**
     * The same fault with one more response header, e.g. {@code Fault.serverError().withHeader("Retry-After", "2")}.
     * Used by {@link Kind#STATUS} and {@link Kind#RATE_LIMITED} answers; other kinds ignore it.
     *
     * @throws IllegalArgumentException if the name is blank or either contains a line break, or the value is null
     */
    public Fault withHeader(String name, String value) {
        if (name == null || name.trim().isEmpty() || value == null || name.matches("(?s).*[\\r\\n:].*")
                || value.matches("(?s).*[\\r\\n].*")) {
            throw new IllegalArgumentException("header name must be a token and value a single line, got: " + name);
        }
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Fault(kind, status, duration, chunkBytes, body, Collections.unmodifiableMap(copy));
    }

    /** What the fault does. */
    public Kind kind() {
        return kind;
    }

    /** The status answered, for {@link Kind#STATUS} and {@link Kind#RATE_LIMITED}; 0 otherwise. */
    public int status() {
        return status;
    }

    /**
     * The {@code Retry-After} of a rate-limit fault, the wait of a delay, or the pause between chunks of a slow
     * body; {@code null} otherwise.
     */
    public @Nullable Duration duration() {
        return duration;
    }

    /** The chunk size of a {@link Kind#SLOW_BODY} fault; 0 otherwise. */
    public int chunkBytes() {
        return chunkBytes;
    }

    /** The body given with {@link #status(int, ErrorBody)}, or {@code null} to use the fake's own. */
    public @Nullable ErrorBody body() {
        return body;
    }

    /** Extra response headers added with {@link #withHeader(String, String)}. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The {@code Retry-After} value of a rate-limit fault in whole seconds, or {@code null}. */
    @Nullable
    String retryAfterSeconds() {
        return duration == null || kind != Kind.RATE_LIMITED ? null
                : String.valueOf((duration.toMillis() + 999) / 1000);
    }

    private static int checkStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be between 400 and 599, got " + status);
        }
        return status;
    }

    private static Duration nonNegative(String name, @Nullable Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + d);
        }
        return d;
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
            case SLOW_BODY:
                return "Fault[slow body, " + chunkBytes + " bytes every " + duration + "]";
            default:
                return "Fault[" + kind.name().toLowerCase(Locale.ROOT) + "]";
        }
    }
}
