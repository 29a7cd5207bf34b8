package io.tally.core;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;

/**
 * What every provider client's builder shares: base URL, credentials, timeouts, retries, rate
 * limit, logging, user agent, OkHttp client, clock and sleeper, and {@link #fromEnv(Environment)}
 * with the provider's prefix. A provider's builder ({@code HitKeep.Builder},
 * {@code Altertable.Builder}) extends it with only its own settings: its credentials' names
 * ({@code apiToken}, {@code apiKey}), its extra headers, its defaults.
 *
 * <p>Environment variables read by {@link #fromEnv(Environment)}, for the prefix given by the
 * provider (e.g. {@code HITKEEP}):
 * <table>
 *   <caption>Common environment variables</caption>
 *   <tr><th>Variable</th><th>Meaning</th></tr>
 *   <tr><td>{@code <PREFIX>_BASE_URL}</td><td>base URL of the API (required unless the provider has a default)</td></tr>
 *   <tr><td>{@code <PREFIX>_TIMEOUT_SECONDS}</td><td>read timeout (some providers: the whole request)</td></tr>
 *   <tr><td>{@code <PREFIX>_MAX_RETRIES}</td><td>retries after the first attempt</td></tr>
 *   <tr><td>{@code TALLY_LOG_LEVEL}</td><td>{@code NONE}, {@code BASIC} or {@code HEADERS}</td></tr>
 * </table>
 * A provider adds its own (credentials, options) by overriding {@link #readEnvironment(Environment)}.
 *
 * @param <B> the provider's builder type, returned by every setter
 * @param <C> the client type {@link #build()} returns
 */
public abstract class ClientBuilder<B extends ClientBuilder<B, C>, C> {
    private final String providerName;
    private final String envPrefix;
    private final String baseUrlExample;
    private final ClientOptions.Builder options = ClientOptions.builder();

    /**
     * @param providerName   the provider's name for messages, e.g. {@code HitKeep}
     * @param envPrefix      the prefix of its environment variables, e.g. {@code HITKEEP}
     * @param baseUrlExample what a base URL looks like, for the message when none is set, e.g.
     *                       {@code your HitKeep instance's URL, e.g. https://analytics.example.com}
     */
    protected ClientBuilder(String providerName, String envPrefix, String baseUrlExample) {
        this.providerName = Objects.requireNonNull(providerName, "providerName");
        this.envPrefix = Objects.requireNonNull(envPrefix, "envPrefix");
        this.baseUrlExample = Objects.requireNonNull(baseUrlExample, "baseUrlExample");
    }

    /** This builder as the provider's builder type, for setters to return. */
    @SuppressWarnings("unchecked")
    protected final B self() {
        return (B) this;
    }

    /**
     * The API's base URL, {@code http} or {@code https}, e.g. {@code https://analytics.example.com}.
     *
     * @throws IllegalArgumentException when it is blank, not an absolute http(s) URL, or carries a
     *     user name or password
     */
    public B baseUrl(String baseUrl) {
        options.baseUrl(baseUrl);
        return self();
    }

    /**
     * Limit for opening a connection to the server; 10 s by default.
     *
     * @throws IllegalArgumentException when {@code timeout} is {@code null}, zero or negative
     */
    public B connectTimeout(Duration timeout) {
        options.connectTimeout(timeout);
        return self();
    }

    /**
     * The longest the server may stay silent during one read of the response (not the whole
     * body); 60 s by default.
     *
     * @throws IllegalArgumentException when {@code timeout} is {@code null}, zero or negative
     */
    public B readTimeout(Duration timeout) {
        options.readTimeout(timeout);
        return self();
    }

    /**
     * The longest a single write of the request may block; 60 s by default.
     *
     * @throws IllegalArgumentException when {@code timeout} is {@code null}, zero or negative
     */
    public B writeTimeout(Duration timeout) {
        options.writeTimeout(timeout);
        return self();
    }

    /**
     * Limit for each whole attempt; {@link Duration#ZERO} for none (the default).
     *
     * @throws IllegalArgumentException when {@code timeout} is {@code null} or negative
     */
    public B callTimeout(Duration timeout) {
        options.callTimeout(timeout);
        return self();
    }

    /**
     * The longest one request may take, all attempts and retry waits included (5 min by default,
     * {@link Duration#ZERO} for none); streamed downloads and event streams are exempt. See
     * {@link ClientOptions.Builder#requestDeadline(Duration)}.
     *
     * @throws IllegalArgumentException when {@code deadline} is {@code null} or negative
     */
    public B requestDeadline(Duration deadline) {
        options.requestDeadline(deadline);
        return self();
    }

    /**
     * The largest response body, in bytes, read into memory (16 MiB by default); a larger one fails
     * with a {@link ResponseTooLargeException}. See {@link ClientOptions.Builder#maxBodySize(long)}.
     *
     * @throws IllegalArgumentException when {@code bytes} is not positive
     */
    public B maxBodySize(long bytes) {
        options.maxBodySize(bytes);
        return self();
    }

    /**
     * How many times a failed request may be retried (0 for none), keeping the rest of the retry
     * policy.
     *
     * @throws IllegalArgumentException when {@code maxRetries} is not between 0 and 20
     */
    public B maxRetries(int maxRetries) {
        options.maxRetries(maxRetries);
        return self();
    }

    /**
     * When and how failed requests are retried; replaces the whole policy, including a
     * {@link #maxRetries} set earlier. Use {@link RetryPolicy#none()} to turn retries off.
     *
     * @throws NullPointerException when {@code policy} is null
     */
    public B retryPolicy(RetryPolicy policy) {
        options.retryPolicy(policy);
        return self();
    }

    /** Keep the client under this rate (see the provider's documented limits); {@code null} for none. */
    public B rateLimit(RateLimit rateLimit) {
        options.rateLimit(rateLimit);
        return self();
    }

    /**
     * How much of each exchange is logged to the SLF4J logger {@code io.tally.http} at DEBUG,
     * secrets redacted; {@link LogLevel#NONE} (the default) for nothing.
     */
    public B logLevel(LogLevel level) {
        options.logLevel(level);
        return self();
    }

    /** Your application's product token, e.g. {@code my-app/1.4}, appended to the user agent. */
    public B userAgent(String userAgent) {
        options.userAgent(userAgent);
        return self();
    }

    /** An OkHttp client whose connection pool, dispatcher and settings (proxy, TLS) to share. */
    public B httpClient(OkHttpClient httpClient) {
        options.httpClient(httpClient);
        return self();
    }

    /** The clock for HTTP-date and Unix-time retry hints and the rate limiter; the system clock by default. */
    public B clock(Clock clock) {
        options.clock(clock);
        return self();
    }

    /** How to wait between retries; tests inject one that records instead of sleeping. */
    public B sleeper(Sleeper sleeper) {
        options.sleeper(sleeper);
        return self();
    }

    /** The executor for {@code executeAsync()}; by default a shared pool of daemon threads. */
    public B asyncExecutor(Executor executor) {
        options.asyncExecutor(executor);
        return self();
    }

    /**
     * Adds a listener told about every request the client sends (provider, method, route template,
     * attempt, status, duration; never secrets), e.g. to record metrics. See {@link RequestListener}.
     *
     * @throws NullPointerException when {@code listener} is {@code null}
     */
    public B requestListener(RequestListener listener) {
        options.requestListener(listener);
        return self();
    }

    /** Any other core option (default headers, secret headers…). */
    public B options(UnaryOperator<ClientOptions.Builder> change) {
        change.apply(options);
        return self();
    }

    /**
     * Reads the settings from the process environment: see {@link #fromEnv(Environment)}.
     *
     * @throws IllegalStateException naming the variable that is missing or invalid
     */
    public B fromEnv() {
        return fromEnv(Environment.system());
    }

    /**
     * Reads {@code <PREFIX>_BASE_URL}, {@code <PREFIX>_TIMEOUT_SECONDS}, {@code <PREFIX>_MAX_RETRIES}
     * and {@code TALLY_LOG_LEVEL}, then the provider's own variables
     * ({@link #readEnvironment(Environment)}). Unset variables leave the current values.
     *
     * @throws IllegalStateException naming the variable that is missing or invalid
     */
    public B fromEnv(Environment env) {
        String baseUrlVariable = envPrefix + "_BASE_URL";
        if (!hasDefaultBaseUrl() && !env.get(baseUrlVariable).isPresent()) {
            throw new IllegalStateException("environment variable " + baseUrlVariable + " is not set; set it to "
                    + baseUrlExample);
        }
        env.get(baseUrlVariable).ifPresent(v -> fromVariable(baseUrlVariable, () -> baseUrl(v)));
        String timeoutVariable = envPrefix + "_TIMEOUT_SECONDS";
        env.seconds(timeoutVariable).ifPresent(v -> fromVariable(timeoutVariable, () -> timeoutFromEnvironment(v)));
        String retriesVariable = envPrefix + "_MAX_RETRIES";
        env.integer(retriesVariable).ifPresent(v -> fromVariable(retriesVariable, () -> maxRetries(v)));
        env.get("TALLY_LOG_LEVEL").ifPresent(v -> logLevel(LogLevel.fromEnvironment(v)));
        readEnvironment(env);
        return self();
    }

    /**
     * Reads the provider's own variables (credentials, options); called last by
     * {@link #fromEnv(Environment)}. Use {@link #fromVariable(String, Runnable)} so that a bad value
     * names its variable. Does nothing by default.
     *
     * @throws IllegalStateException naming the variable that is missing or invalid
     */
    protected void readEnvironment(Environment env) {}

    /**
     * Applies {@code <PREFIX>_TIMEOUT_SECONDS}: the read timeout by default; a provider whose timeout
     * means something else (the whole request) overrides it.
     */
    protected void timeoutFromEnvironment(Duration timeout) {
        readTimeout(timeout);
    }

    /** Whether the provider sets a default base URL, so {@code <PREFIX>_BASE_URL} is optional. */
    protected boolean hasDefaultBaseUrl() {
        return false;
    }

    /**
     * Runs {@code apply}, turning the {@link IllegalArgumentException} a setter throws into an
     * {@link IllegalStateException} that names the environment variable the value came from.
     */
    protected static void fromVariable(String variable, Runnable apply) {
        try {
            apply.run();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("environment variable " + variable + " is invalid: " + e.getMessage());
        }
    }

    /** Sets how every request authenticates; a provider's named setters ({@code apiToken}) call it. */
    protected final B credentials(Credentials credentials) {
        options.credentials(credentials);
        return self();
    }

    /** Changes the shared options directly, for a provider's own settings that map onto them. */
    protected final B configure(Consumer<ClientOptions.Builder> change) {
        change.accept(options);
        return self();
    }

    /**
     * The options as set so far.
     *
     * @throws IllegalArgumentException when no base URL is set, naming the setter and the
     *     environment variable
     */
    protected final ClientOptions buildOptions() {
        ClientOptions built = options.build();
        if (built.baseUrl() == null) {
            throw new IllegalArgumentException("baseUrl is not set; set it to " + baseUrlExample
                    + " (or " + envPrefix + "_BASE_URL with fromEnv())");
        }
        return built;
    }

    /** The provider's name, as given to the constructor. */
    protected final String providerName() {
        return providerName;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalArgumentException when a required setting (base URL, credentials) is missing
     */
    public abstract C build();
}
