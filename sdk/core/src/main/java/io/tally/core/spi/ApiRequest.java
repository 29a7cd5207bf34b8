package io.tally.core.spi;

import io.tally.core.Credentials;
import io.tally.core.RawResponse;
import io.tally.core.RequestOptions;
import io.tally.core.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;

/**
 * The base of every request object: required inputs are given when the request is created, optional
 * ones through fluent setters, and {@link #execute()}, {@link #executeAsync()} or
 * {@link #executeRaw()} send it. One definition serves blocking and async.
 *
 * <p>A request object is a builder: configure it on one thread, then execute it. Executing does not
 * change it, so the same object may be executed again.
 *
 * @param <T> what the request returns
 * @param <R> the concrete request type, for fluent setters
 */
public abstract class ApiRequest<T, R extends ApiRequest<T, R>> {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** The client the request belongs to. */
    protected final ClientContext context;
    private final String method;
    private final String pathTemplate;
    private final String path;
    private final String displayPath;
    private final ResponseReader<T> reader;
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private @Nullable RequestBody body;
    /** Made on the first per-request option: most requests set none, and then send {@link RequestOptions#none()}. */
    private RequestOptions.@Nullable Builder options;
    private boolean safeToRetry;
    private @Nullable RouteCredentials routeCredentials;
    private TimeWindow timeWindow = TimeWindow.instants();

    /**
     * @param context      the client
     * @param method       HTTP method
     * @param pathTemplate the route, e.g. {@code /api/sites/{id}/stats}
     * @param pathValues   values for the template's placeholders, in order (checked and encoded)
     * @param reader       how to read a successful response
     */
    protected ApiRequest(ClientContext context, String method, String pathTemplate, Object[] pathValues,
            ResponseReader<T> reader) {
        this.context = context;
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.path = PathTemplate.expand(pathTemplate, pathValues);
        this.displayPath = PathTemplate.hidesValues(pathTemplate) ? PathTemplate.display(pathTemplate, pathValues)
                : path;
        this.reader = reader;
    }

    /** This request as its concrete type, for subclasses' fluent setters to return. */
    @SuppressWarnings("unchecked")
    protected final R self() {
        return (R) this;
    }

    /** The HTTP method. */
    public final String method() {
        return method;
    }

    /** The route this request calls, e.g. {@code /api/sites/{id}/stats}. */
    public final String pathTemplate() {
        return pathTemplate;
    }

    // ---- per-request options -------------------------------------------------------------------

    /** Limit for each attempt of this request. */
    public R timeout(Duration timeout) {
        optionsBuilder().timeout(timeout);
        return self();
    }

    /** Retries after the first attempt for this request; 0 disables retries. */
    public R maxRetries(int maxRetries) {
        optionsBuilder().maxRetries(maxRetries);
        return self();
    }

    /** A retry policy for this request instead of the client's. */
    public R retryPolicy(RetryPolicy policy) {
        optionsBuilder().retryPolicy(policy);
        return self();
    }

    /** An extra header on this request. */
    public R header(String name, String value) {
        optionsBuilder().header(name, value);
        return self();
    }

    /** An extra query parameter on this request, for parameters the SDK does not model yet. */
    public R queryParam(String name, String value) {
        optionsBuilder().queryParam(name, value);
        return self();
    }

    /** Sends {@code Idempotency-Key}; such requests are retried after 5xx even when not idempotent. */
    public R idempotencyKey(String key) {
        optionsBuilder().idempotencyKey(key);
        return self();
    }

    /** Replaces the per-request options as a whole. */
    public R options(RequestOptions requestOptions) {
        this.options = requestOptions.toBuilder();
        return self();
    }

    // ---- execution ------------------------------------------------------------------------------

    /** Sends the request and returns the parsed response, retrying as the retry policy allows. */
    public T execute() {
        return executeRaw().value();
    }

    /**
     * Sends the request on the client's async executor. The future fails with the exceptions
     * {@link #execute()} would throw ({@code get()} wraps them in an {@code ExecutionException},
     * {@code join()} in a {@code CompletionException}).
     *
     * @throws IllegalArgumentException at once, before anything is scheduled, when the request's
     *     inputs are invalid
     */
    public CompletableFuture<T> executeAsync() {
        return executeRawAsync().thenApply(RawResponse::value);
    }

    /** Sends the request and returns the parsed value with its status, headers and request id. */
    public RawResponse<T> executeRaw() {
        validateAll();
        HttpCall call = toCall(Collections.<String, String>emptyMap());
        return context.execute(call, effectiveOptions(call), reader);
    }

    /**
     * {@link #executeRaw()} on the client's async executor; fails like {@link #executeAsync()}.
     *
     * @throws IllegalArgumentException at once, before anything is scheduled, when the request's
     *     inputs are invalid
     */
    public CompletableFuture<RawResponse<T>> executeRawAsync() {
        // validation errors surface synchronously, before anything is scheduled
        validateAll();
        HttpCall call = toCall(Collections.<String, String>emptyMap());
        RequestOptions opts = effectiveOptions(call);
        return CompletableFuture.supplyAsync(() -> context.execute(call, opts, reader), context.asyncExecutor());
    }

    /**
     * Sends this request with some query parameters replaced, without changing this object: for
     * paging, where each page is the same request at another offset.
     */
    protected final T executeWithQuery(Map<String, String> overrides) {
        validateAll();
        HttpCall call = toCall(overrides);
        return context.execute(call, effectiveOptions(call), reader).value();
    }

    /** Checks the request's inputs before anything is sent; throws {@link IllegalArgumentException}. */
    protected void validate() {}

    // ---- for subclasses -------------------------------------------------------------------------

    /**
     * Sets a query parameter, replacing earlier values; {@code null} removes it. Instants and
     * date-times are written as RFC 3339, dates as {@code YYYY-MM-DD}, collections as repeated
     * parameters.
     */
    protected final R query(String name, @Nullable Object value) {
        query.remove(name);
        if (value instanceof Collection) {
            for (Object item : (Collection<?>) value) {
                addQuery(name, item);
            }
        } else if (value != null) {
            addQuery(name, value);
        }
        return self();
    }

    /** Adds one more value of a repeatable query parameter; {@code null} is ignored. */
    protected final R addQuery(String name, @Nullable Object value) {
        if (value != null) {
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(formatQueryValue(value));
        }
        return self();
    }

    /** The current values of a query parameter. */
    protected final List<String> queryValues(String name) {
        List<String> values = query.get(name);
        return values == null ? Collections.<String>emptyList() : Collections.unmodifiableList(values);
    }

    /** Sets a header that belongs to the endpoint (as opposed to a caller's extra header). */
    protected final R endpointHeader(String name, @Nullable String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return self();
    }

    /**
     * Marks this route as safe to send again although its method is not idempotent: a POST that
     * only reads (Alke's {@code POST /api/reports}). It is then retried after 5xx, 408 and read
     * failures like a GET, and no {@code Idempotency-Key} is sent (the server would not know it).
     */
    protected final R safeToRetry() {
        this.safeToRetry = true;
        return self();
    }

    /**
     * Which credentials this route accepts and which headers it needs; checked before anything is
     * sent, and credentials of other kinds are not sent. Without a rule the client's credentials are
     * sent as they are.
     */
    protected final R routeCredentials(RouteCredentials rule) {
        this.routeCredentials = java.util.Objects.requireNonNull(rule, "rule");
        return self();
    }

    /** The route's credential rule, or {@code null} when the client's credentials are sent as they are. */
    protected final @Nullable RouteCredentials routeCredentials() {
        return routeCredentials;
    }

    /**
     * The time-window rules of this route, for requests that implement {@link WindowedRequest}:
     * parameter names, instants or days, both-or-neither, the longest window. By default
     * {@link TimeWindow#instants()}.
     */
    protected final R timeWindow(TimeWindow rules) {
        this.timeWindow = java.util.Objects.requireNonNull(rules, "rules");
        return self();
    }

    /** Sends {@code value} as the JSON body, serialised with the provider's mapper. */
    protected final R jsonBody(Object value) {
        try {
            byte[] bytes = context.provider().mapper().writeValueAsBytes(value);
            this.body = RequestBody.create(bytes, JSON);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("request body could not be written as JSON: " + e.getOriginalMessage(),
                    e);
        }
        return self();
    }

    /** Sends a body of any kind (multipart uploads, raw bytes). */
    protected final R rawBody(RequestBody requestBody) {
        this.body = requestBody;
        return self();
    }

    /** Formats a query value the way the APIs expect. */
    protected static String formatQueryValue(Object value) {
        if (value instanceof Instant) {
            return formatInstant((Instant) value);
        }
        if (value instanceof OffsetDateTime) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) value);
        }
        if (value instanceof ZonedDateTime) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((ZonedDateTime) value);
        }
        if (value instanceof LocalDate) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format((LocalDate) value);
        }
        return value.toString();
    }

    /**
     * {@link DateTimeFormatter#ISO_INSTANT}'s text, written directly for whole seconds in years 0 to 9999 (windows are
     * set on every request, and the formatter's way costs several times as much); other instants go to the formatter.
     */
    static String formatInstant(Instant instant) {
        java.time.LocalDateTime t = instant.getNano() == 0
                ? java.time.LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, java.time.ZoneOffset.UTC) : null;
        if (t == null || t.getYear() < 0 || t.getYear() > 9999) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        char[] out = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 'T', '0', '0', ':', '0', '0', ':', '0', '0',
                'Z'};
        put(out, 0, 4, t.getYear());
        put(out, 5, 2, t.getMonthValue());
        put(out, 8, 2, t.getDayOfMonth());
        put(out, 11, 2, t.getHour());
        put(out, 14, 2, t.getMinute());
        put(out, 17, 2, t.getSecond());
        return new String(out);
    }

    private static void put(char[] out, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The request's own checks, then its time window's. */
    private void validateAll() {
        validate();
        if (this instanceof WindowedRequest) {
            timeWindow.check(queryValues(timeWindow.fromName()), queryValues(timeWindow.toName()),
                    method + " " + pathTemplate);
        }
    }

    /** The request behind a {@link WindowedRequest}'s default methods. */
    static ApiRequest<?, ?> windowed(WindowedRequest<?> request) {
        if (!(request instanceof ApiRequest)) {
            throw new IllegalStateException(
                    request.getClass().getName() + " implements WindowedRequest but is no ApiRequest");
        }
        return (ApiRequest<?, ?>) request;
    }

    /** Writes both bounds: instants as they are, days as the range's first and last day. */
    final void setWindow(io.tally.core.time.DateRange range) {
        query(timeWindow.fromName(), timeWindow.isDays() ? range.firstDay() : range.from());
        query(timeWindow.toName(), timeWindow.isDays() ? range.lastDay() : range.to());
    }

    final void setWindowStart(@Nullable Instant from) {
        query(timeWindow.fromName(), from == null ? null : timeWindow.startValue(from));
    }

    final void setWindowEnd(@Nullable Instant to) {
        query(timeWindow.toName(), to == null ? null : timeWindow.endValue(to));
    }

    private RequestOptions.Builder optionsBuilder() {
        if (options == null) {
            options = RequestOptions.builder();
        }
        return options;
    }

    /** The options to send with: the route's credential rule applied and checked. */
    private RequestOptions effectiveOptions(HttpCall call) {
        RequestOptions built = options == null ? RequestOptions.none() : options.build();
        if (routeCredentials == null) {
            return built;
        }
        Credentials client = context.options().credentials();
        Credentials credentials = routeCredentials.select(built.credentials(), client);
        routeCredentials.check(context.provider().name() + " " + method + " " + pathTemplate, credentials,
                context.options().defaultHeaders(), call.headers(), built.headers());
        if (credentials == (built.credentials() != null ? built.credentials() : client)) {
            return built; // the rule kept what the transport sends anyway
        }
        return built.toBuilder().credentials(credentials).build();
    }

    private HttpCall toCall(Map<String, String> overrides) {
        Map<String, List<String>> q = query;
        if (!overrides.isEmpty()) {
            q = new LinkedHashMap<>(query);
            for (Map.Entry<String, String> e : overrides.entrySet()) {
                List<String> single = new ArrayList<>(1);
                single.add(e.getValue());
                q.put(e.getKey(), single);
            }
        }
        return new HttpCall(method, pathTemplate, path, displayPath, q, headers, body, safeToRetry); // copies q
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + method + " " + displayPath + "]";
    }
}
