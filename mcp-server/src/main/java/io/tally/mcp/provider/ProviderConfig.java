package io.tally.mcp.provider;

import io.tally.core.RetryPolicy;
import io.tally.mcp.tool.CallerCredentials;
import io.tally.mcp.tool.ModuleOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the server hands a provider to build its module: where the provider's API is, the server-side credentials
 * (stdio; none over HTTP, where every caller brings its own), the module options and the client settings every
 * provider's base client uses.
 *
 * @param baseUrl           the provider API's base URL (the demo fake's with {@code --demo})
 * @param serverCredentials the credentials the base client carries, or {@code null} for none
 * @param options           what the module allows and its clock
 * @param userAgent         the {@code User-Agent} of the base client
 * @param httpClient        the OkHttp client the base client must be built on (its calls then pass the server's
 *                          upstream gate: a fair share of the provider's rate per caller, upstream metrics), or
 *                          {@code null} for the SDK's own (stdio)
 */
public record ProviderConfig(String baseUrl, @Nullable CallerCredentials serverCredentials, ModuleOptions options,
        String userAgent, okhttp3.@Nullable OkHttpClient httpClient) {
    /**
     * Retries of one provider call: an assistant waits for the answer, so fail fast rather than queue behind the
     * provider's limiter.
     */
    public static final int MAX_RETRIES = 1;
    /**
     * The longest rate-limit hint ({@code Retry-After}, a reset time) a provider call waits out. A longer one fails
     * the call at once, and the tool answers with the retry time for the assistant to act on, instead of holding a
     * server thread (EngageTrack's per-minute window could otherwise hold it for up to a minute).
     */
    public static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(10);
    /** The read timeout of one provider call. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Checks the configuration.
     *
     * @throws IllegalArgumentException when the base URL is blank
     */
    public ProviderConfig {
        if (baseUrl == null || baseUrl.trim().isEmpty()) {
            throw new IllegalArgumentException("baseUrl must not be blank");
        }
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(userAgent, "userAgent");
    }

    /** A configuration without a server-provided HTTP client. */
    public ProviderConfig(String baseUrl, @Nullable CallerCredentials serverCredentials, ModuleOptions options,
            String userAgent) {
        this(baseUrl, serverCredentials, options, userAgent, null);
    }

    /**
     * Applies what every provider's base client shares to {@code builder}: base URL, user agent, {@link #MAX_RETRIES}
     * and {@link #MAX_RETRY_WAIT}, {@link #READ_TIMEOUT} and {@link #httpClient()}. Credentials are the provider's to set.
     *
     * @return {@code builder}
     */
    public <B extends io.tally.core.ClientBuilder<B, ?>> B configure(B builder) {
        return builder.baseUrl(baseUrl).userAgent(userAgent)
                .retryPolicy(RetryPolicy.builder().maxRetries(MAX_RETRIES).maxRetryAfter(MAX_RETRY_WAIT).build())
                .readTimeout(READ_TIMEOUT).httpClient(httpClient());
    }

    /**
     * The OkHttp client a provider's base client is built on: the one the server handed over (over HTTP: the shared
     * backend pool behind the upstream gate), else the shared backend pool sized for the server's callers
     * ({@link BackendHttp}).
     */
    @Override
    public okhttp3.OkHttpClient httpClient() {
        return httpClient != null ? httpClient : BackendHttp.client();
    }

    /** The server-side credentials, when the server has any. */
    public Optional<CallerCredentials> server() {
        return Optional.ofNullable(serverCredentials);
    }
}
