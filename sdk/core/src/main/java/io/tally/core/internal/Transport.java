package io.tally.core.internal;

import io.tally.core.ApiConnectionException;
import io.tally.core.ApiTimeoutException;
import io.tally.core.ClientOptions;
import io.tally.core.Credentials;
import io.tally.core.HttpHeaders;
import io.tally.core.LogLevel;
import io.tally.core.RawResponse;
import io.tally.core.RequestOptions;
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

    /** The transport of {@code context}; one per context. */
    public Transport(ClientContext context) {
        this.context = context;
    }

    /** Sends {@code call} with the request's options, retrying as the policy allows, and reads the answer. */
    public <T> RawResponse<T> execute(HttpCall call, RequestOptions ro, ResponseReader<T> reader) {
        ClientOptions o = context.options();
        RetryPolicy policy = ro.effectiveRetryPolicy(o.retryPolicy());
        boolean idempotent = call.safeToRetry() || ro.idempotencyKey() != null;
        Retry.AsyncContext<Outcome> retry = retryFor(policy, idempotent).asyncContext();
        Credentials credentials = ro.credentials() != null ? ro.credentials() : o.credentials();
        Redactor redactor = Redactor.forRequest(o, credentials, call.headers(), ro.headers());
        Request request;
        try {
            request = buildRequest(call, ro, credentials, redactor.secretNames());
        } catch (IllegalArgumentException e) {
            // OkHttp refuses a header value it cannot send and quotes the value, unless it knows the
            // header is secret; our secret headers must not be quoted either (no cause kept: it quotes)
            throw new IllegalArgumentException(redactor.scrub(e.getMessage()));
        }
        String path = call.displayPath(); // for messages: share tokens in paths are redacted

        while (true) {
            acquirePermit();
            long started = System.nanoTime();
            Response response;
            try {
                Call okCall = httpClientFor(reader).newCall(request);
                if (ro.timeout() != null) {
                    okCall.timeout().timeout(ro.timeout().toMillis(), TimeUnit.MILLISECONDS);
                }
                response = okCall.execute();
            } catch (IOException e) {
                logFailure(call, request, e, started);
                if (wasInterrupted(e)) {
                    throw interrupted(call, e);
                }
                long wait = retry.onError(e);
                if (wait < 0) {
                    throw connectionFailure(call, e, redactor);
                }
                sleep(Duration.ofMillis(wait));
                continue;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                // OkHttp is written in Kotlin: waiting for a connection it throws InterruptedException
                // although execute() does not declare it, and the flag is cleared by then
                if (e instanceof InterruptedException) {
                    throw interrupted(call, e);
                }
                throw new TallyException(context.provider().name() + " " + call.method() + " " + path
                        + " failed: " + e.getClass().getSimpleName(), e);
            }

            HttpHeaders headers = redactor.headers(response.headers());
            String requestId = requestId(headers);
            logResponse(call, request, response, headers, started, redactor);
            if (response.isSuccessful() || (reader.acceptsRedirect() && response.isRedirect())) {
                ResponseHandle handle = null;
                try (ResponseBody body = response.body()) {
                    InputStream stream = body.byteStream();
                    handle = new ResponseHandle(response.code(), headers, requestId, stream,
                            context.provider().mapper(), context.provider().envelope(), response.headers());
                    T value = reader.read(handle);
                    retry.onComplete();
                    return new RawResponse<>(response.code(), headers, requestId, value);
                } catch (ResponseEnvelope.EnvelopeFailure failure) {
                    // the body that reported the failure belongs on the exception, like any error body
                    throw context.provider().exceptionFor(new ErrorContext(context.provider().name(), call.method(), path,
                            failure.effectiveStatus(), headers, redactor.scrub(handle.textReadSoFar()), requestId,
                            redactor.scrubDetails(failure.details()), null));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new TallyException(context.provider().name() + " " + call.method() + " " + path
                            + " returned a body Tally could not read as the expected type: "
                            + redactor.scrub(e.getOriginalMessage())
                            + (requestId != null ? " (request id " + requestId + ")" : ""), e);
                } catch (IOException e) {
                    if (wasInterrupted(e)) {
                        throw interrupted(call, e);
                    }
                    long wait = reader.repeatable() && idempotent ? retry.onError(e) : -1;
                    if (wait < 0) {
                        throw connectionFailure(call, e, redactor);
                    }
                    sleep(Duration.ofMillis(wait));
                    continue;
                }
            }

            // closes the response; a server may quote the credentials it was sent, so scrub them
            String body = redactor.scrub(readErrorBody(response));
            Duration hint = RetryHints.retryAfter(headers, o.clock());
            ErrorDetails details = decode(response.code(), headers, body);
            if (hint == null) {
                hint = RetryHints.until(details.retryAt(), o.clock()); // a retry time the body names
            }
            ErrorContext error = new ErrorContext(context.provider().name(), call.method(), path, response.code(),
                    headers, body, requestId, details, hint);
            boolean hintTooLong = hint != null && hint.compareTo(policy.maxRetryAfter()) > 0;
            boolean retryable = !hintTooLong && isRetryableStatus(response.code(), idempotent);
            long wait = retry.onResult(new Outcome(retryable, hint));
            if (wait < 0) {
                throw context.provider().exceptionFor(error);
            }
            sleep(Duration.ofMillis(wait));
        }
    }

    /** The shared client, or a view of it (same pool) that leaves redirects to a reader that wants them. */
    private okhttp3.OkHttpClient httpClientFor(ResponseReader<?> reader) {
        okhttp3.OkHttpClient http = context.httpClient();
        return reader.acceptsRedirect() ? http.newBuilder().followRedirects(false).followSslRedirects(false).build() : http;
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

    private Retry retryFor(RetryPolicy policy, boolean idempotent) {
        RetryConfig config = RetryConfig.<Outcome>custom()
                .maxAttempts(policy.maxRetries() + 1)
                .retryOnResult(outcome -> outcome.retryable)
                .retryOnException(t -> isRetryableFailure(t, idempotent))
                .failAfterMaxAttempts(false)
                .intervalBiFunction((Integer attempt, io.github.resilience4j.core.functions.Either<Throwable, Outcome> either) -> {
                    if (either.isRight() && either.get().hint != null) {
                        return either.get().hint.toMillis();
                    }
                    return policy.backoff(attempt).toMillis();
                })
                .build();
        return Retry.of("tally-" + context.provider().userAgentToken(), config);
    }

    private Request buildRequest(HttpCall call, RequestOptions ro, Credentials credentials, java.util.Set<String> secretNames) {
        HttpUrl base = context.options().baseUrl();
        HttpUrl.Builder url = base.newBuilder();
        String basePath = base.encodedPath();
        String joined = (basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath) + call.path();
        url.encodedPath(joined);
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
        rb.header("User-Agent", UserAgent.of(context.provider(), context.options().userAgent()));
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

    private ErrorDetails decode(int status, HttpHeaders headers, String body) {
        try {
            ErrorDetails d = context.provider().errorDecoder().decode(new ErrorResponse(status, headers, body));
            return d == null ? ErrorDetails.none() : d;
        } catch (RuntimeException e) {
            return ErrorDetails.none(); // a decoder bug must not hide the HTTP failure
        }
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

    private ApiConnectionException connectionFailure(HttpCall call, IOException e, Redactor redactor) {
        String where = context.provider().name() + " " + call.method() + " " + call.displayPath();
        String detail = redactor.scrub(e.getMessage());
        if (e instanceof InterruptedIOException) {
            return new ApiTimeoutException(where + " timed out (" + detail
                    + "); raise the timeout or try again later", e);
        }
        return new ApiConnectionException(where + " failed before a response arrived: "
                + e.getClass().getSimpleName() + (detail != null ? " (" + detail + ")" : "")
                + "; check the base URL and the network", e);
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

    private String requestId(HttpHeaders headers) {
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
        LOG.debug("{} {} {} failed after {} ms: {}", context.provider().name(), request.method(), describe(call, request), ms,
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
        String basePath = fullPath.endsWith(call.path()) ? fullPath.substring(0, fullPath.length() - call.path().length()) : "";
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
    };

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
        final Duration hint;

        Outcome(boolean retryable, Duration hint) {
            this.retryable = retryable;
            this.hint = hint;
        }
    }
}
