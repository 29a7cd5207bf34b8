package io.tally.core;

import java.io.IOException;

/**
 * Turns a successful response into the value a request returns. Provider modules use the
 * factories on {@link ClientContext} ({@code json(…)}) or write their own for downloads and
 * streams.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface ResponseReader<T> {
    T read(ResponseHandle response) throws IOException, ResponseEnvelope.EnvelopeFailure;

    /**
     * Whether a failure while reading may be retried by sending the request again. {@code false}
     * for readers that pass the body on as they read it (a download into a caller's stream).
     */
    default boolean repeatable() {
        return true;
    }

    /** Ignores the body; for 201/204 responses and endpoints whose body carries nothing. */
    static ResponseReader<Void> discard() {
        return response -> null;
    }

    /** The body as text. */
    static ResponseReader<String> text() {
        return ResponseHandle::text;
    }
}
