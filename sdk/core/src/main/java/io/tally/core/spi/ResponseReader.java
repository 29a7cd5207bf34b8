package io.tally.core.spi;

import io.tally.core.ApiConnectionException;
import io.tally.core.ApiException;
import io.tally.core.TallyException;
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
    /**
     * Reads the response into the request's result, which may be {@code null}. An
     * {@link IOException} is a read failure: retried when this reader is {@link #repeatable()} and
     * the request idempotent, otherwise thrown as an {@link ApiConnectionException}; a Jackson
     * {@code JsonProcessingException} instead becomes a {@link TallyException} and is not retried (without
     * Jackson's exception as its cause, since that quotes the body); a
     * {@link ResponseHandle.EmptyBodyException} says the body was empty where a value was due.
     *
     * @throws ResponseEnvelope.EnvelopeFailure when the body reports a failure; it surfaces as an
     *     {@link ApiException}
     */
    T read(ResponseHandle response) throws IOException, ResponseEnvelope.EnvelopeFailure;

    /**
     * Whether a failure while reading may be retried by sending the request again. {@code false}
     * for readers that pass the body on as they read it (a download into a caller's stream).
     */
    default boolean repeatable() {
        return true;
    }

    /**
     * Whether a 3xx answer is this reader's result rather than a failure: for routes whose answer is
     * the redirect itself (a QR redirect resolver, an OAuth or e-mail-link callback). Such requests are
     * sent without following redirects, and the reader sees the 3xx response and its {@code Location}.
     */
    default boolean acceptsRedirect() {
        return false;
    }

    /**
     * Whether this reader streams the body (a download, an event stream) rather than reading it into
     * memory: such requests are exempt from the client's
     * {@link io.tally.core.ClientOptions#requestDeadline() requestDeadline}, since they last as long as
     * their body. (Only {@link ResponseHandle#text()} and {@link ResponseHandle#json()} are limited by
     * {@link io.tally.core.ClientOptions#maxBodySize() maxBodySize}; {@link ResponseHandle#stream()}
     * never is.)
     */
    default boolean streamed() {
        return false;
    }

    /** Ignores the body; for 201/204 responses and endpoints whose body carries nothing. */
    @SuppressWarnings("NullAway") // a Void reader has no value to give but null
    static ResponseReader<Void> discard() {
        return response -> null;
    }

    /** The body as text. */
    static ResponseReader<String> text() {
        return ResponseHandle::text;
    }
}
