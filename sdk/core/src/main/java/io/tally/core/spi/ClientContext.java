package io.tally.core.spi;

import io.tally.core.ClientOptions;
import io.tally.core.Credentials;
import io.tally.core.RawResponse;
import io.tally.core.RequestOptions;
import io.tally.core.RetryPolicy;
import io.tally.core.Tally;
import io.tally.core.internal.SharedHttp;
import io.tally.core.internal.TokenBucket;
import io.tally.core.internal.Transport;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * A configured connection to one provider: its {@link ProviderInfo}, the {@link ClientOptions}, and
 * the OkHttp client they share. Provider clients ({@code HitKeep}, {@code Altertable}, …) hold one
 * and pass it to their request objects. Immutable and thread-safe.
 *
 * <p>{@link #withCredentials(Credentials)} and {@link #withOptions(ClientOptions)} derive views that
 * share the connection pool, dispatcher and client-side rate limiter: cheap enough to make one per
 * caller or per request (the MCP server does).
 */
public final class ClientContext {
    private final ProviderInfo provider;
    private final ClientOptions options;
    private final OkHttpClient http;
    private final @Nullable TokenBucket rateLimiter;
    private final Transport transport;
    // Readers made per model type once, not per request (the JavaType and Jackson's ObjectReader with them), and
    // shared with the views derived from this context: the provider and so the mapper are the same there.
    private final Map<Class<?>, ResponseReader<?>> jsonReaders;
    private final Map<Class<?>, ResponseReader<?>> listReaders;

    private ClientContext(ProviderInfo provider, ClientOptions options, OkHttpClient http,
            @Nullable TokenBucket rateLimiter) {
        this(provider, options, http, rateLimiter, null, null);
    }

    private ClientContext(ProviderInfo provider, ClientOptions options, OkHttpClient http,
            @Nullable TokenBucket rateLimiter,
            @Nullable Transport parent, @Nullable ClientContext readersOf) {
        this.provider = provider;
        this.options = options;
        this.http = http;
        this.rateLimiter = rateLimiter;
        this.transport = new Transport(this, parent);
        this.jsonReaders = readersOf != null ? readersOf.jsonReaders : new ConcurrentHashMap<>();
        this.listReaders = readersOf != null ? readersOf.listReaders : new ConcurrentHashMap<>();
    }

    /**
     * Creates a context. The base URL must be set.
     *
     * @throws IllegalArgumentException when {@code options} has no base URL
     */
    public static ClientContext create(ProviderInfo provider, ClientOptions options) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(options, "options");
        if (options.baseUrl() == null) {
            throw new IllegalArgumentException("baseUrl is not set; set it to the " + provider.name()
                    + " API's http(s) URL");
        }
        OkHttpClient base = options.httpClient() != null ? options.httpClient() : SharedHttp.client();
        return new ClientContext(provider, options, configure(base, options), newLimiter(options));
    }

    /** A view of this client that authenticates with other credentials; shares the connection pool. */
    public ClientContext withCredentials(Credentials credentials) {
        return new ClientContext(provider, options.toBuilder().credentials(credentials).build(), http, rateLimiter,
                transport, this);
    }

    /**
     * A view with other options (timeouts, retries, headers…) that shares this client's connection
     * pool and dispatcher. The base URL may change too.
     */
    public ClientContext withOptions(ClientOptions newOptions) {
        boolean sameLimit = Objects.equals(String.valueOf(newOptions.rateLimit()), String.valueOf(options.rateLimit()));
        return new ClientContext(provider, newOptions, configure(http, newOptions),
                sameLimit ? rateLimiter : newLimiter(newOptions), null, this);
    }

    /** The provider this context talks to. */
    public ProviderInfo provider() {
        return provider;
    }

    /** The options requests are sent with: base URL, credentials, timeouts, retries and headers. */
    public ClientOptions options() {
        return options;
    }

    /** The OkHttp client requests go through. */
    public OkHttpClient httpClient() {
        return http;
    }

    /** Where {@code executeAsync()} runs requests. */
    public Executor asyncExecutor() {
        return options.asyncExecutor() != null ? options.asyncExecutor() : SharedHttp.asyncExecutor();
    }

    /** Reads the (unwrapped) JSON body as {@code type}. */
    @SuppressWarnings("unchecked")
    public <T> ResponseReader<T> json(Class<T> type) {
        ResponseReader<?> reader = jsonReaders.get(type);
        if (reader == null) {
            reader = json(provider.mapper().getTypeFactory().constructType(type));
            ResponseReader<?> raced = jsonReaders.putIfAbsent(type, reader);
            reader = raced != null ? raced : reader;
        }
        return (ResponseReader<T>) reader;
    }

    /** Reads the (unwrapped) JSON body as a generic type. */
    public <T> ResponseReader<T> json(TypeReference<T> type) {
        return json(provider.mapper().getTypeFactory().constructType(type));
    }

    /** Reads the (unwrapped) JSON body as a list; an empty or {@code null} body is an empty list. */
    @SuppressWarnings("unchecked")
    public <T> ResponseReader<List<T>> listOf(Class<T> elementType) {
        ResponseReader<?> cached = listReaders.get(elementType);
        if (cached == null) {
            JavaType listType = provider.mapper().getTypeFactory().constructCollectionType(List.class, elementType);
            ObjectReader objectReader = provider.mapper().readerFor(listType);
            ResponseReader<List<T>> reader = response -> {
                List<T> list = response.read(objectReader, false);
                return list == null ? java.util.Collections.<T>emptyList()
                        : java.util.Collections.unmodifiableList(list);
            };
            ResponseReader<?> raced = listReaders.putIfAbsent(elementType, reader);
            cached = raced != null ? raced : reader;
        }
        return (ResponseReader<List<T>>) cached;
    }

    /**
     * Reads the (unwrapped) JSON body as {@code type}. An empty body fails the request (the route
     * promised a value); a JSON {@code null} gives {@code null}.
     */
    @SuppressWarnings("NullAway") // a JSON null body reads as null, as documented above
    public <T> ResponseReader<T> json(JavaType type) {
        ObjectReader objectReader = provider.mapper().readerFor(type);
        return response -> response.read(objectReader, true);
    }

    <T> RawResponse<T> execute(HttpCall call, RequestOptions requestOptions, ResponseReader<T> reader) {
        return transport.execute(call, requestOptions, reader);
    }

    /**
     * The client-side rate limiter this context and its derived views share, or {@code null} when
     * no rate limit is set. Its type is internal: for the transport and for tests.
     */
    public @Nullable TokenBucket rateLimiter() {
        return rateLimiter;
    }

    @Override
    public String toString() {
        return "ClientContext[" + provider.name() + " " + options.baseUrl() + ", " + options.credentials() + "]";
    }

    private static OkHttpClient configure(OkHttpClient base, ClientOptions o) {
        OkHttpClient.Builder b = base.newBuilder();
        if (!base.networkInterceptors().contains(Transport.KEEP_SECRETS_ON_ORIGIN)) {
            b.addNetworkInterceptor(Transport.KEEP_SECRETS_ON_ORIGIN);
        }
        return b
                .connectTimeout(o.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(o.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(o.writeTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(o.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // Tally's RetryPolicy is the one place that decides what is retried
                .retryOnConnectionFailure(false)
                .build();
    }

    private static @Nullable TokenBucket newLimiter(ClientOptions o) {
        return o.rateLimit() == null ? null : new TokenBucket(o.rateLimit(), o.clock(), o.sleeper());
    }
}
