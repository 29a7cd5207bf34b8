package io.tally.core;

/**
 * Observes the requests a client sends, for metrics and tracing: one {@link #onRequest} when a
 * request starts, one {@link #onRetry} before each further attempt, and exactly one of
 * {@link #onResponse} (the request returned a value) or {@link #onFailure} (it threw) at its end.
 *
 * <p>Events carry the provider, the HTTP method, the route's path template (e.g.
 * {@code /api/sites/{id}/stats}, never the expanded path, so tags stay few and no identifier or
 * share token leaks), the attempt, the HTTP status and the time taken; never credentials, headers,
 * query values or bodies.
 *
 * <p>Listeners run on the thread that sends the request, so they must be quick and must not block.
 * An exception a listener throws is logged at DEBUG on {@code io.tally.http} and otherwise ignored:
 * it never fails the request. Register one with {@link ClientBuilder#requestListener} or
 * {@link ClientOptions.Builder#requestListener}.
 */
public interface RequestListener {
    /**
     * The request is about to be sent for the first time (after its arguments were checked).
     *
     * @param event the request; {@link RequestEvent#status()} is 0 and {@link RequestEvent#duration()} zero
     */
    default void onRequest(RequestEvent event) {}

    /**
     * An attempt failed and the request will be tried again after {@code wait}.
     *
     * @param event the attempt that failed: its number, its status (0 when no response came) and the
     *              time since the request started
     * @param wait  how long the client waits before the next attempt
     */
    default void onRetry(RequestEvent event, java.time.Duration wait) {}

    /**
     * The request ended with a value for the caller.
     *
     * @param event the last attempt: its number, the status answered and the time since the request started
     */
    default void onResponse(RequestEvent event) {}

    /**
     * The request ended with an exception for the caller: an error status, a connection failure, a
     * timeout, or a body that could not be read.
     *
     * @param event the last attempt: its number, the status answered (0 when no response came) and
     *              the time since the request started
     * @param error the exception the caller receives (secrets already scrubbed from it)
     */
    default void onFailure(RequestEvent event, RuntimeException error) {}
}
