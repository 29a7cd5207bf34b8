package io.tally.core.internal;

import io.tally.core.ApiConnectionException;
import io.tally.core.ApiTimeoutException;
import io.tally.core.ClientOptions;
import io.tally.core.Credentials;
import io.tally.core.HttpHeaders;
import io.tally.core.LogLevel;
import io.tally.core.RawResponse;
import io.tally.core.RequestEvent;
import io.tally.core.RequestListener;
import io.tally.core.RequestOptions;
import io.tally.core.ResponseTooLargeException;
import io.tally.core.RetryPolicy;
import io.tally.core.Sleeper;
import io.tally.core.TallyException;
import io.tally.core.spi.ClientContext;
import io.tally.core.spi.ErrorContext;
import io.tally.core.spi.ErrorDetails;
import io.tally.core.spi.ErrorResponse;
import io.tally.core.spi.HttpCall;
import io.tally.core.spi.ResponseEnvelope;
import io.tally.core.spi.ResponseHandle;
import io.tally.core.spi.ResponseReader;
import io.tally.core.spi.RetryHints;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one {@link HttpCall}: builds the request, applies credentials and headers, waits for the
 * client-side rate limiter, retries as the {@link RetryPolicy} says (decisions made by
 * resilience4j-retry, waits by the injected {@link Sleeper}), and maps failures to exceptions.
 */
public final class Transport {
    private static final Logger LOG = LoggerFactory.getLogger("io.tally.http");
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final ClientContext context;
    // What does not change from call to call, worked out once per client (context) rather than per request.
    private final String userAgent;
    private final String basePath;
    // built on first use: views made per caller (withCredentials) may never send
    private volatile @Nullable Retry idempotentRetry;
    private volatile @Nullable Retry nonIdempotentRetry;
    private volatile @Nullable Redactor clientRedactor;

    /** The transport of {@code context}; one per context. */
    public Transport(ClientContext context) {
        this(context, null);
    }

    /**
     * The transport of a view derived from {@code parent}'s context (other credentials or options): it takes over
     * the parent's retry objects when the retry policy is the same, so that views made per call (the MCP server
     * makes one per tool call) do not build them again.
     */
    public Transport(ClientContext context, @Nullable Transport parent) {
        this.context = context;
        ClientOptions o = context.options();
        this.userAgent = UserAgent.of(context.provider(), o.userAgent());
        String path = o.baseUrl() == null ? "" : o.baseUrl().encodedPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (parent != null && parent.context.provider() == context.provider()
                && parent.context.options().retryPolicy() == o.retryPolicy()) {
            this.idempotentRetry = parent.clientRetry(true);
            this.nonIdempotentRetry = parent.clientRetry(false);
        }
    }

    /** Sends {@code call} with the request's options, retrying as the policy allows, and reads the answer. */
    public <T> RawResponse<T> execute(HttpCall call, RequestOptions ro, ResponseReader<T> reader) {
        List<RequestListener> listeners = context.options().requestListeners();
        if (listeners.isEmpty()) {
            return execute(call, ro, reader, null);
        }
        Observation observation = new Observation(context.provider().name(), call, listeners);
        observation.started();
        RawResponse<T> response;
        try {
            response = execute(call, ro, reader, observation);
        } catch (RuntimeException e) {
            observation.failed(e);
            throw e;
        }
        observation.succeeded();
        return response;
    }

    private <T> RawResponse<T> execute(HttpCall call, RequestOptions ro, ResponseReader<T> reader,
            @Nullable Observation observation) {
        DeadlineWatch.Slot watch = new DeadlineWatch.Slot();
        try {
            return attempts(call, ro, reader, observation, watch);
        } finally {
            watch.close(); // the last attempt's, whichever way it ended
        }
    }

    private <T> RawResponse<T> attempts(HttpCall call, RequestOptions ro, ResponseReader<T> reader,
            @Nullable Observation observation,
            DeadlineWatch.Slot watch) {
        ClientOptions o = context.options();
        RetryPolicy policy = ro.effectiveRetryPolicy(o.retryPolicy());
        boolean idempotent = call.safeToRetry() || ro.idempotencyKey() != null;
        Retry retryObject = policy != o.retryPolicy() ? retryFor(policy, idempotent) : clientRetry(idempotent);
        // made at the first failure: a call that succeeds at once (most) has nothing to count
        Retry.AsyncContext<Outcome> retry = null;
        Credentials credentials = (ro.credentials() != null ? ro.credentials() : o.credentials()).resolve();
        Redactor redactor = redactorFor(o, credentials, call, ro);
        Request request;
        try {
            request = buildRequest(call, ro, credentials, redactor.secretNames());
        } catch (IllegalArgumentException e) {
            // OkHttp refuses a header value it cannot send and quotes the value, unless it knows the
            // header is secret; our secret headers must not be quoted either (no cause kept: it quotes)
            throw new IllegalArgumentException(redactor.scrubOrNull(e.getMessage()));
        }
        // for messages only, so worked out when one is needed (share tokens in paths are redacted)
        Deadline deadline = new Deadline(reader.streamed() ? Duration.ZERO : o.requestDeadline());
        AttemptState attempt = request.tag(AttemptState.class);
        boolean freshConnectionTried = false;
        boolean useFreshConnection = false;

        while (true) {
            watch.close(); // the previous attempt's
            acquirePermit();
            long started = System.nanoTime();
            attempt.reset();
            if (observation != null) {
                observation.status = 0;
            }
            boolean deadlineBounds = false;
            Response response;
            try {
                okhttp3.OkHttpClient http = httpClientFor(reader);
                Call okCall = (useFreshConnection ? freshConnections(http) : http).newCall(request);
                useFreshConnection = false;
                Duration attemptLimit = ro.timeout() != null ? ro.timeout()
                        : o.callTimeout().isZero() ? null : o.callTimeout();
                Duration remaining = deadline.remaining();
                if (remaining != null && (attemptLimit == null || remaining.compareTo(attemptLimit) < 0)) {
                    attemptLimit = remaining;
                    deadlineBounds = true;
                }
                if (deadlineBounds && attemptLimit != null && attemptLimit.toNanos() >= DeadlineWatch.MIN_WATCHED) {
                    watch.set(DeadlineWatch.watch(okCall, deadline.endsAt));
                } else if (attemptLimit != null) {
                    okCall.timeout().timeout(Math.max(1, attemptLimit.toMillis()), TimeUnit.MILLISECONDS);
                }
                response = okCall.execute();
            } catch (IOException e) {
                logFailure(call, request, e, started);
                if (watch.fired()) {
                    throw deadline.exceeded(where(call), e); // cancelled by the watch
                }
                if (wasInterrupted(e)) {
                    throw interrupted(call, e);
                }
                if (attempt.staleConnection && !freshConnectionTried && replayable(request)) {
                    // the server closed a kept-alive connection (it restarted, or an idle timeout): almost
                    // always nothing was processed, so resend once on a new connection, outside the policy's
                    // count. A server that read the request and crashed before answering looks the same; that
                    // rare duplicate is the trade-off OkHttp's retryOnConnectionFailure makes too (README).
                    freshConnectionTried = true;
                    useFreshConnection = true;
                    continue;
                }
                if (deadlineBounds && e instanceof InterruptedIOException
                        && !(e instanceof java.net.SocketTimeoutException)) {
                    throw deadline.exceeded(where(call), e);
                }
                retry = retry != null ? retry : retryObject.asyncContext();
                long wait = retry.onError(e);
                if (wait < 0 || !deadline.allows(wait)) {
                    throw connectionFailure(call, e, redactor,
                            attempt.connected ? Phase.AWAITING_RESPONSE : Phase.CONNECTING,
                            idempotent);
                }
                retrying(observation, wait);
                continue;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                // OkHttp is written in Kotlin: waiting for a connection it throws InterruptedException
                // although execute() does not declare it, and the flag is cleared by then
                if (e instanceof InterruptedException) {
                    throw interrupted(call, e);
                }
                throw new TallyException(where(call) + " failed: " + e.getClass().getSimpleName(), e);
            }

            if (observation != null) {
                observation.status = response.code();
            }
            HttpHeaders headers = redactor.headers(response.headers());
            String requestId = requestId(headers);
            String requestIdNote = requestId != null ? " (request id " + requestId + ")" : "";
            logResponse(call, request, response, headers, started, redactor);
            if (response.isSuccessful() || (reader.acceptsRedirect() && response.isRedirect())) {
                ResponseHandle handle = null;
                try (ResponseBody body = response.body()) {
                    InputStream stream = body.byteStream();
                    handle = new ResponseHandle(response.code(), headers, requestId, stream,
                            context.provider().mapper(), context.provider().envelope(), response.headers(),
                            o.maxBodySize());
                    T value = reader.read(handle);
                    if (retry != null) {
                        retry.onComplete();
                    }
                    return new RawResponse<>(response.code(), headers, requestId, value);
                } catch (ResponseEnvelope.EnvelopeFailure failure) {
                    // the body that reported the failure belongs on the exception, like any error body
                    throw context.provider().exceptionFor(new ErrorContext(context.provider().name(), call.method(),
                            call.displayPath(), failure.effectiveStatus(), headers,
                            redactor.scrub(handle == null ? "" : handle.textReadSoFar()), requestId,
                            redactor.scrubDetails(failure.details()), null));
                } catch (ResponseTooLargeException e) {
                    throw new ResponseTooLargeException(where(call) + " failed: " + e.getMessage() + requestIdNote,
                            e.size().orElse(-1L), e.limit());
                } catch (ResponseHandle.EmptyBodyException e) {
                    throw new TallyException(where(call) + " returned " + response.code() + " with an empty body where "
                            + e.expected() + " was expected" + requestIdNote);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    // no cause: Jackson's exception quotes the body (and whatever secret a server echoed in it)
                    throw new TallyException(
                            where(call) + " returned a body Tally could not read as the expected type: "
                                    + describeParseFailure(e, redactor) + requestIdNote);
                } catch (IOException e) {
                    if (watch.fired()) {
                        throw deadline.exceeded(where(call), e); // cancelled by the watch
                    }
                    if (wasInterrupted(e)) {
                        throw interrupted(call, e);
                    }
                    if (deadlineBounds && e instanceof InterruptedIOException
                            && !(e instanceof java.net.SocketTimeoutException)) {
                        throw deadline.exceeded(where(call), e);
                    }
                    retry = retry != null ? retry : retryObject.asyncContext();
                    long wait = reader.repeatable() && idempotent ? retry.onError(e) : -1;
                    if (wait < 0 || !deadline.allows(wait)) {
                        throw connectionFailure(call, e, redactor, Phase.READING_BODY, idempotent);
                    }
                    retrying(observation, wait);
                    continue;
                }
            }

            // closes the response; a server may quote the credentials it was sent, so scrub them
            String body = redactor.scrub(readErrorBody(response));
            Duration hint = RetryHints.retryAfter(headers, o.clock());
            ErrorDetails details = decode(call.method(), response.code(), headers, body);
            if (hint == null) {
                hint = RetryHints.until(details.retryAt(), o.clock()); // a retry time the body names
            }
            ErrorContext error = new ErrorContext(context.provider().name(), call.method(), call.displayPath(),
                    response.code(), headers, body, requestId, details, hint);
            boolean hintTooLong = hint != null && hint.compareTo(policy.maxRetryAfter()) > 0;
            boolean retryable = !hintTooLong && isRetryableStatus(response.code(), idempotent);
            retry = retry != null ? retry : retryObject.asyncContext();
            long wait = retry.onResult(new Outcome(retryable, hint));
            if (wait < 0 || !deadline.allows(wait)) {
                throw context.provider().exceptionFor(error);
            }
            retrying(observation, wait);
        }
    }

    /** Tells the listeners about the retry, then waits. */
    private void retrying(@Nullable Observation observation, long waitMillis) {
        Duration wait = Duration.ofMillis(waitMillis);
        if (observation != null) {
            observation.retrying(wait);
        }
        sleep(wait);
    }

    /**
     * One request as the {@link RequestListener}s see it: the attempt and the last status. A
     * listener's exception is logged and dropped, never thrown at the caller.
     */
    private static final class Observation {
        private final String provider;
        private final HttpCall call;
        private final List<RequestListener> listeners;
        private final long startedNanos = System.nanoTime();
        private int attempt = 1;
        int status;

        Observation(String provider, HttpCall call, List<RequestListener> listeners) {
            this.provider = provider;
            this.call = call;
            this.listeners = listeners;
        }

        private RequestEvent event(boolean start) {
            Duration elapsed = start ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - startedNanos);
            return new RequestEvent(provider, call.method(), call.pathTemplate(), attempt, status, elapsed);
        }

        void started() {
            RequestEvent event = event(true);
            tell(l -> l.onRequest(event));
        }

        void retrying(Duration wait) {
            RequestEvent event = event(false);
            attempt++;
            tell(l -> l.onRetry(event, wait));
        }

        void succeeded() {
            RequestEvent event = event(false);
            tell(l -> l.onResponse(event));
        }

        void failed(RuntimeException error) {
            RequestEvent event = event(false);
            tell(l -> l.onFailure(event, error));
        }

        private void tell(java.util.function.Consumer<RequestListener> action) {
            for (RequestListener listener : listeners) {
                try {
                    action.accept(listener);
                } catch (RuntimeException e) {
                    LOG.debug("request listener {} failed: {}", listener.getClass().getName(), e.toString());
                }
            }
        }
    }

    /** "Provider METHOD /path" for messages, share tokens in the path redacted. */
    private String where(HttpCall call) {
        return context.provider().name() + " " + call.method() + " " + call.displayPath();
    }

    /** Jackson's own words, secrets scrubbed and cut short, with where in the body it stopped. */
    private static String describeParseFailure(com.fasterxml.jackson.core.JsonProcessingException e,
            Redactor redactor) {
        String message = redactor.scrub(String.valueOf(e.getOriginalMessage()));
        if (message.length() > 300) {
            message = message.substring(0, 300) + "…";
        }
        com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            message += " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        return message;
    }

    /** Whether the request can be sent again as is: no body, or one that is not a one-shot stream. */
    private static boolean replayable(Request request) {
        return request.body() == null || !request.body().isOneShot();
    }

    /**
     * A view of {@code http} whose pool keeps no idle connection: the one call made with it opens a
     * new connection, and that connection is closed once the call is done.
     */
    private static okhttp3.OkHttpClient freshConnections(okhttp3.OkHttpClient http) {
        return http.newBuilder().connectionPool(new okhttp3.ConnectionPool(0, 1, TimeUnit.SECONDS)).build();
    }

    /** The shared client, or a view of it (same pool) that leaves redirects to a reader that wants them. */
    private okhttp3.OkHttpClient httpClientFor(ResponseReader<?> reader) {
        okhttp3.OkHttpClient http = context.httpClient();
        return reader.acceptsRedirect() ? http.newBuilder().followRedirects(false).followSslRedirects(false).build()
                : http;
    }

    private static boolean isRetryableStatus(int code, boolean idempotent) {
        if (code == 429) {
            return true;
        }
        return idempotent && (code == 408 || (code >= 500 && code < 600));
    }

    /** Whether an I/O failure may be retried: before sending always; otherwise only if idempotent. */
    public static boolean isRetryableFailure(Throwable t, boolean idempotent) {
        if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException) {
            return true;
        }
        return idempotent && t instanceof IOException;
    }

    /**
     * The request's redactor: the client's own (built once) when the request adds no credentials or
     * headers of its own, else one for the request.
     */
    private Redactor redactorFor(ClientOptions o, Credentials credentials, HttpCall call, RequestOptions ro) {
        if (credentials != o.credentials() || !call.headers().isEmpty() || !ro.headers().isEmpty()) {
            return Redactor.forRequest(o, credentials, call.headers(), ro.headers());
        }
        Redactor r = clientRedactor;
        if (r == null) {
            r = Redactor.forRequest(o, credentials, java.util.Collections.emptyMap(), java.util.Collections.emptyMap());
            clientRedactor = r;
        }
        return r;
    }

    /** The retry of the client's own policy (shared by its calls; each call has its own context). */
    private Retry clientRetry(boolean idempotent) {
        Retry r = idempotent ? idempotentRetry : nonIdempotentRetry;
        if (r == null) {
            r = retryFor(context.options().retryPolicy(), idempotent);
            if (idempotent) {
                idempotentRetry = r;
            } else {
                nonIdempotentRetry = r;
            }
        }
        return r;
    }

    private Retry retryFor(RetryPolicy policy, boolean idempotent) {
        RetryConfig config = RetryConfig.<Outcome>custom()
                .maxAttempts(policy.maxRetries() + 1)
                .retryOnResult(outcome -> outcome.retryable)
                .retryOnException(t -> isRetryableFailure(t, idempotent))
                .failAfterMaxAttempts(false)
                .intervalBiFunction(
                        (Integer attempt, io.github.resilience4j.core.functions.Either<Throwable, Outcome> either) -> {
                            if (either.isRight() && either.get().hint != null) {
                                return either.get().hint.toMillis();
                            }
                            return policy.backoff(attempt).toMillis();
                        })
                .build();
        return Retry.of("tally-" + context.provider().userAgentToken(), config);
    }

    private Request buildRequest(HttpCall call, RequestOptions ro, Credentials credentials,
            java.util.Set<String> secretNames) {
        HttpUrl base = java.util.Objects.requireNonNull(context.options().baseUrl(), "baseUrl");
        HttpUrl.Builder url = base.newBuilder();
        url.encodedPath(basePath + call.path());
        for (Map.Entry<String, List<String>> q : call.query().entrySet()) {
            for (String v : q.getValue()) {
                url.addQueryParameter(q.getKey(), v);
            }
        }
        for (Map.Entry<String, List<String>> q : ro.query().entrySet()) {
            for (String v : q.getValue()) {
                url.addQueryParameter(q.getKey(), v);
            }
        }
        HttpUrl target = url.build();
        Request.Builder rb = new Request.Builder().url(target);
        rb.tag(Origin.class, new Origin(target, secretNames));
        rb.tag(AttemptState.class, new AttemptState());
        rb.header("User-Agent", userAgent);
        rb.header("Accept", "application/json");
        context.options().defaultHeaders().forEach(rb::header);
        call.headers().forEach(rb::header);
        credentials.applyTo(rb::header);
        ro.headers().forEach(rb::header);
        if (ro.idempotencyKey() != null) {
            rb.header("Idempotency-Key", ro.idempotencyKey());
        }
        okhttp3.RequestBody body = call.body();
        if (body == null && requiresBody(call.method())) {
            body = okhttp3.RequestBody.create(new byte[0], null);
        }
        rb.method(call.method(), body);
        return rb.build();
    }

    private static boolean requiresBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    private void acquirePermit() {
        TokenBucket limiter = context.rateLimiter();
        if (limiter == null) {
            return;
        }
        try {
            limiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TallyException("interrupted while waiting for the client-side rate limiter", e);
        }
    }

    private void sleep(Duration d) {
        try {
            context.options().sleeper().sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TallyException("interrupted while waiting to retry", e);
        }
    }

    private ErrorDetails decode(String method, int status, HttpHeaders headers, String body) {
        ErrorResponse response = new ErrorResponse(status, headers, body, method);
        ErrorDetails d;
        try {
            d = context.provider().errorDecoder().decode(response);
            d = d == null ? ErrorDetails.none() : d;
        } catch (RuntimeException e) {
            d = ErrorDetails.none(); // a decoder bug must not hide the HTTP failure
        }
        return HtmlErrorPages.looksLikeHtml(response) ? HtmlErrorPages.describe(d, body) : d;
    }

    /**
     * Whether an I/O failure is the calling thread being interrupted rather than the network failing:
     * the flag is still set, or Okio's "interrupted" (which a timeout never reports).
     */
    private static boolean wasInterrupted(IOException e) {
        return Thread.currentThread().isInterrupted()
                || e instanceof java.nio.channels.ClosedByInterruptException
                || (e instanceof InterruptedIOException && !(e instanceof java.net.SocketTimeoutException)
                        && "interrupted".equals(e.getMessage()));
    }

    /** Restores the interrupt flag and gives up at once: an interrupted caller wants no retry. */
    private TallyException interrupted(HttpCall call, Exception e) {
        Thread.currentThread().interrupt();
        return new TallyException(context.provider().name() + " " + call.method() + " " + call.displayPath()
                + " was interrupted", e);
    }

    /** Where a request was when its connection failed; the message says what that means. */
    private enum Phase {
        CONNECTING, AWAITING_RESPONSE, READING_BODY
    }

    private ApiConnectionException connectionFailure(HttpCall call, IOException e, Redactor redactor, Phase phase,
            boolean idempotent) {
        String where = context.provider().name() + " " + call.method() + " " + call.displayPath();
        String detail = redactor.scrubOrNull(e.getMessage());
        String failure = e.getClass().getSimpleName() + (detail != null ? " (" + detail + ")" : "");
        Throwable cause = scrubbedCause(e, redactor);
        if (e instanceof InterruptedIOException) {
            String during = phase == Phase.CONNECTING ? "connecting"
                    : phase == Phase.AWAITING_RESPONSE ? "waiting for the response" : "reading the response body";
            return new ApiTimeoutException(where + " timed out " + during + " (" + detail
                    + "); raise the timeout or try again later", cause);
        }
        if (phase == Phase.CONNECTING || e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException) {
            return new ApiConnectionException(where + " could not connect: " + failure
                    + "; check the base URL and the network", cause);
        }
        if (phase == Phase.READING_BODY) {
            return new ApiConnectionException(where + " failed while reading the response body: " + failure
                    + "; the server answered but the connection broke, try again later", cause);
        }
        return new ApiConnectionException(where + " failed after the request was sent, before a response arrived: "
                + failure + (idempotent ? "; try again later"
                        : "; the server may or may not have acted on it, check before sending it again"),
                cause);
    }

    /**
     * {@code e} itself, or when a message in its chain quotes a secret (OkHttp quotes a malformed status
     * line, that is the server's bytes) a copy of the chain with the messages scrubbed and the stack
     * traces kept.
     */
    static Throwable scrubbedCause(Throwable e, Redactor redactor) {
        boolean clean = true;
        for (Throwable t = e; t != null && clean; t = t.getCause() == t ? null : t.getCause()) {
            clean = java.util.Objects.equals(t.getMessage(), redactor.scrubOrNull(t.getMessage()));
        }
        return clean ? e : copyScrubbed(e, redactor, 0);
    }

    private static Throwable copyScrubbed(Throwable t, Redactor redactor, int depth) {
        Throwable cause = t.getCause() != null && t.getCause() != t && depth < 8
                ? copyScrubbed(t.getCause(), redactor, depth + 1) : null;
        ScrubbedCause copy = new ScrubbedCause(t.getClass().getName() + ": " + redactor.scrubOrNull(t.getMessage()),
                cause);
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    /** Stands in for an exception whose message quoted a secret: the class name and the scrubbed message. */
    static final class ScrubbedCause extends IOException {
        private static final long serialVersionUID = 1L;

        ScrubbedCause(String message, @Nullable Throwable cause) {
            super(message, cause);
        }

        @Override
        public String toString() {
            return String.valueOf(getMessage()); // already "<original class>: <scrubbed message>"
        }
    }

    private static String readErrorBody(Response response) {
        try (ResponseBody body = response.body()) {
            byte[] bytes = body.source().peek().readByteArray(Math.min(MAX_ERROR_BODY, Math.max(0, bodyLength(body))));
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static long bodyLength(ResponseBody body) throws IOException {
        long len = body.contentLength();
        if (len >= 0) {
            return len;
        }
        body.source().request(MAX_ERROR_BODY);
        return body.source().getBuffer().size();
    }

    private @Nullable String requestId(HttpHeaders headers) {
        for (String name : context.provider().requestIdHeaders()) {
            java.util.Optional<String> v = headers.first(name);
            if (v.isPresent()) {
                return v.get();
            }
        }
        return null;
    }

    private void logResponse(HttpCall call, Request request, Response response, HttpHeaders headers, long started,
            Redactor redactor) {
        LogLevel level = context.options().logLevel();
        if (level == LogLevel.NONE || !LOG.isDebugEnabled()) {
            return;
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        String where = describe(call, request);
        String requestId = requestId(headers);
        LOG.debug("{} {} {} -> {} ({} ms{})", context.provider().name(), request.method(), where, response.code(), ms,
                requestId != null ? ", request id " + requestId : "");
        if (level == LogLevel.HEADERS) {
            LOG.debug("{} {} request headers: {}", request.method(), where, redactor.headers(request.headers()));
            LOG.debug("{} {} response headers: {}", request.method(), where, headers);
        }
    }

    private void logFailure(HttpCall call, Request request, IOException e, long started) {
        if (context.options().logLevel() == LogLevel.NONE || !LOG.isDebugEnabled()) {
            return;
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        LOG.debug("{} {} {} failed after {} ms: {}", context.provider().name(), request.method(),
                describe(call, request), ms,
                e.getClass().getSimpleName());
    }

    /**
     * The URL for a log line: scheme, host and port, the path with secret path values redacted, and
     * the query's parameter names with their values elided (they may hold personal data).
     */
    private static String describe(HttpCall call, Request request) {
        HttpUrl url = request.url();
        StringBuilder sb = new StringBuilder().append(url.scheme()).append("://").append(url.host());
        if (url.port() != HttpUrl.defaultPort(url.scheme())) {
            sb.append(':').append(url.port());
        }
        String fullPath = url.encodedPath();
        String basePath = fullPath.endsWith(call.path())
                ? fullPath.substring(0, fullPath.length() - call.path().length()) : "";
        sb.append(basePath).append(call.displayPath());
        for (int i = 0; i < url.querySize(); i++) {
            sb.append(i == 0 ? '?' : '&').append(url.queryParameterName(i)).append("=…");
        }
        return sb.toString();
    }

    /**
     * A network interceptor that keeps credentials on the origin they were given for: OkHttp drops
     * only {@code Authorization} when it follows a redirect to another host, so an API key, a session
     * cookie or a secret header would otherwise go to whatever host the redirect names (a download
     * redirected to a storage bucket, an open redirect), and over plain HTTP after an HTTPS one.
     */
    public static final Interceptor KEEP_SECRETS_ON_ORIGIN = chain -> {
        AttemptState attempt = chain.request().tag(AttemptState.class);
        if (attempt != null) {
            attempt.onConnection(chain.connection());
        }
        try {
            return keepSecretsOnOrigin(chain);
        } catch (IOException e) {
            if (attempt != null) {
                attempt.onFailureBeforeResponse(e);
            }
            throw e;
        }
    };

    private static Response keepSecretsOnOrigin(Interceptor.Chain chain) throws IOException {
        Request request = chain.request();
        Origin origin = request.tag(Origin.class);
        if (origin == null || origin.matches(request.url())) {
            return chain.proceed(request);
        }
        Request.Builder stripped = request.newBuilder();
        for (String name : request.headers().names()) {
            if (origin.isSecret(name)) {
                stripped.removeHeader(name);
            }
        }
        return chain.proceed(stripped.build());
    }

    /**
     * Connections that have carried a Tally exchange, to tell a reused pooled connection from a new
     * one. Weak keys: the pool decides how long a connection lives.
     */
    private static final java.util.Set<okhttp3.Connection> USED_CONNECTIONS = java.util.Collections
            .newSetFromMap(java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>()));

    /**
     * What the network interceptor saw of one attempt: whether a connection was reached, and whether
     * the attempt failed on a reused connection before any response arrived (a connection the server
     * had already closed, as after a restart), which is safe to resend once on a new connection.
     */
    static final class AttemptState {
        volatile boolean connected;
        volatile boolean reusedConnection;
        volatile boolean staleConnection;

        void reset() {
            connected = false;
            reusedConnection = false;
            staleConnection = false;
        }

        void onConnection(okhttp3.Connection connection) {
            connected = true;
            reusedConnection = connection != null && !USED_CONNECTIONS.add(connection);
        }

        void onFailureBeforeResponse(IOException e) {
            // a timeout means a live but slow peer, which may be processing the request: not stale
            staleConnection = reusedConnection && !(e instanceof InterruptedIOException);
        }
    }

    /** The request's overall deadline; {@link Duration#ZERO} for none. */
    private static final class Deadline {
        private final Duration limit;
        final long endsAt;

        Deadline(Duration limit) {
            this.limit = limit;
            this.endsAt = limit.isZero() ? 0 : System.nanoTime() + limit.toNanos();
        }

        /** The time left, or {@code null} when there is no deadline. */
        @Nullable
        Duration remaining() {
            return limit.isZero() ? null : Duration.ofNanos(Math.max(0, endsAt - System.nanoTime()));
        }

        /** Whether waiting {@code millis} before the next attempt still leaves time for it. */
        boolean allows(long millis) {
            return limit.isZero() || System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis) < endsAt;
        }

        ApiTimeoutException exceeded(String where, IOException cause) {
            return new ApiTimeoutException(where + " did not finish within its request deadline of "
                    + describe(limit) + "; raise requestDeadline in the client options, or set a per-request timeout",
                    cause);
        }

        private static String describe(Duration d) {
            return d.toMillis() % 1000 == 0 ? d.getSeconds() + " s" : d.toMillis() + " ms";
        }
    }

    /** Where a request was addressed, and which of its headers are secret; travels with redirects. */
    static final class Origin {
        private final HttpUrl url;
        private final java.util.Set<String> secretNames;

        Origin(HttpUrl url, java.util.Set<String> secretNames) {
            this.url = url;
            this.secretNames = secretNames;
        }

        boolean matches(HttpUrl other) {
            return url.scheme().equals(other.scheme()) && url.host().equals(other.host()) && url.port() == other.port();
        }

        boolean isSecret(String header) {
            // a proxy's credentials are for the proxy, whichever host is asked for
            return !header.equalsIgnoreCase("Proxy-Authorization") && Secrets.isSecretHeader(header, secretNames);
        }
    }

    /** A failed response as the retry logic sees it. */
    static final class Outcome {
        final boolean retryable;
        final @Nullable Duration hint;

        Outcome(boolean retryable, @Nullable Duration hint) {
            this.retryable = retryable;
            this.hint = hint;
        }
    }
}
