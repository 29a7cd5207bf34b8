package io.tally.alke;

import io.tally.core.ClientBuilder;
import io.tally.core.ClientOptions;
import io.tally.core.Credentials;
import io.tally.core.Environment;
import io.tally.core.RawRequests;
import io.tally.core.json.TallyJson;
import io.tally.core.spi.ClientContext;
import io.tally.core.spi.ProviderInfo;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * A client for the Alke Analytics reporting API ({@code https://api-analytics.alketech.eu}).
 *
 * <pre>{@code
 * Alke alke = Alke.builder()
 *     .serviceAccountToken(System.getenv("ALKE_API_TOKEN"))
 *     .build();                                   // or Alke.fromEnv()
 * AlkeReport report = alke.reports().run(AlkeReportRequest.builder()
 *     .propertyId("6f1c2b9e-4a57-4a8e-9d0b-2f4c8e1a7b31")
 *     .dateFrom(LocalDate.of(2026, 3, 1)).dateTo(LocalDate.of(2026, 3, 15))
 *     .metrics(AlkeMetrics.PAGEVIEWS, AlkeMetrics.VISITS).dimension(AlkeDimensions.DATE)
 *     .build());
 * }</pre>
 *
 * <p><b>What is known and what is not.</b> Alke documents one route ({@code POST /api/reports}, one example) and
 * its tokens: JWTs from a service account or a personal profile, sent as {@code Authorization: Bearer}, valid for
 * one year, shown once, one active token per account. The response body, error bodies and status codes, rate
 * limits and their headers, and the metric and dimension catalogue are <b>not documented</b>. This client therefore
 * keeps every answer whole ({@link AlkeReport#raw()}), maps errors by HTTP status only (401
 * {@link io.tally.core.AuthenticationException}, 403 {@link io.tally.core.PermissionDeniedException}, 404, 400,
 * 422, 429 {@link io.tally.core.RateLimitException}, 5xx) with the raw body and headers kept on the exception
 * ({@link io.tally.core.ApiException#body()}, {@link io.tally.core.ApiException#headers()}) and the message read
 * only from the common shapes ({@code message}, {@code error}, a text line), and honours {@code Retry-After} if
 * Alke sends it.
 *
 * <p><b>Tokens.</b> A token is read from its supplier for every request ({@link Builder#tokenSupplier}), so a
 * rotated token needs no new client. When the JWT carries {@code exp}, a warning is logged once per token (SLF4J
 * logger {@code io.tally.alke}, WARN) from 30 days before it expires, and the exception for a 401 after {@code exp}
 * says that the token expired and how to regenerate it.
 *
 * <p>Immutable and thread-safe. {@link #withToken(AlkeToken)} and {@link #withOptions(UnaryOperator)} derive clients
 * that share this one's connection pool (a derived client has its own client-side rate limiter, if one is set).
 *
 * <p>Environment variables read by {@link #fromEnv()}: {@code ALKE_API_TOKEN}, {@code ALKE_TOKEN_KIND}
 * ({@code service-account}, the default, or {@code personal}), {@code ALKE_BASE_URL} (optional),
 * {@code ALKE_TIMEOUT_SECONDS}, {@code ALKE_MAX_RETRIES}, {@code TALLY_LOG_LEVEL}.
 */
public final class Alke {
    /** The API host Alke documents. */
    public static final String DEFAULT_BASE_URL = "https://api-analytics.alketech.eu";

    private final ClientContext context;
    private final @Nullable TokenSource tokens;

    private Alke(ClientContext context, @Nullable TokenSource tokens) {
        this.context = context;
        this.tokens = tokens;
    }

    /** A builder for a client; the base URL defaults to {@link #DEFAULT_BASE_URL}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A client configured from the environment variables listed in the class documentation. */
    public static Alke fromEnv() {
        return fromEnv(Environment.system());
    }

    /** A client configured from the given variables (see the class documentation). */
    public static Alke fromEnv(Environment env) {
        return builder().fromEnv(env).build();
    }

    /**
     * A client that sends another token; shares this client's connection pool, but not its client-side rate
     * limiter (each token source has its own error decoder, so its own context).
     */
    public Alke withToken(AlkeToken token) {
        Objects.requireNonNull(token, "token");
        return withTokenSupplier(() -> token);
    }

    /** A client that reads its token from {@code supplier} for every request; shares this client's pool (as {@link #withToken}). */
    public Alke withTokenSupplier(Supplier<AlkeToken> supplier) {
        TokenSource source = new TokenSource(supplier, context.options().clock(),
                tokens != null ? tokens.warnings() : Builder.LOG_WARNING);
        return new Alke(contextFor(source, context.options()), source);
    }

    /** A client with changed options (timeouts, retries, logging…); shares this client's pool. */
    public Alke withOptions(UnaryOperator<ClientOptions.Builder> change) {
        ClientOptions changed = change.apply(context.options().toBuilder()).build();
        return new Alke(contextFor(tokens, changed), tokens);
    }

    /** The options this client was built with (credentials shown redacted by {@code toString()}). */
    public ClientOptions options() {
        return context.options();
    }

    /** Reports: {@code POST /api/reports}. */
    public Reports reports() {
        return new Reports(context);
    }

    /**
     * Requests to routes this SDK does not model (Alke's full API reference is not public), with this client's base
     * URL, token, retries, error mapping and redaction: {@code alke.raw().get("/api/x").execute()} returns the JSON
     * answer as a tree.
     */
    public RawRequests raw() {
        return new RawRequests(context);
    }

    @Override
    public String toString() {
        return "Alke[" + context.options().baseUrl() + ", " + context.options().credentials() + "]";
    }

    /** The context for these options with this token source: its own error decoder, which knows the token. */
    private static ClientContext contextFor(@Nullable TokenSource tokens, ClientOptions options) {
        ProviderInfo provider = ProviderInfo.builder("Alke")
                .userAgentToken("alke")
                .mapper(TallyJson.mapper())
                .errorDecoder(new AlkeErrorDecoder(tokens))
                .requestIdHeaders("x-request-id")
                .build();
        Credentials credentials = tokens == null ? Credentials.none()
                : Credentials.bearer("token", tokens::currentValue);
        return ClientContext.create(provider, options.toBuilder().credentials(credentials).build());
    }

    /**
     * Builder for {@link Alke}. Set a token with {@link #serviceAccountToken(String)}, {@link #personalToken(String)},
     * {@link #token(AlkeToken)} or {@link #tokenSupplier(Supplier)}. The settings every provider shares (timeouts,
     * retries, rate limit, logging, user agent, OkHttp client, clock, sleeper) come from {@link ClientBuilder}.
     */
    public static final class Builder extends ClientBuilder<Builder, Alke> {
        static final Consumer<String> LOG_WARNING = LoggerFactory.getLogger("io.tally.alke")::warn;

        private @Nullable Supplier<AlkeToken> tokenSupplier;
        private Consumer<String> warnings = LOG_WARNING;

        private Builder() {
            super("Alke", "ALKE", "the Alke API's URL, " + DEFAULT_BASE_URL);
            baseUrl(DEFAULT_BASE_URL);
        }

        /**
         * A service account's token (recommended for automation), checked now.
         *
         * @throws IllegalArgumentException naming {@code serviceAccountToken} when it is not a usable token
         */
        public Builder serviceAccountToken(String jwt) {
            return token(AlkeToken.serviceAccount(jwt));
        }

        /**
         * A personal token, checked now.
         *
         * @throws IllegalArgumentException naming {@code personalToken} when it is not a usable token
         */
        public Builder personalToken(String jwt) {
            return token(AlkeToken.personal(jwt));
        }

        /** A token made with {@link AlkeToken}. */
        public Builder token(AlkeToken token) {
            Objects.requireNonNull(token, "token");
            this.tokenSupplier = () -> token;
            return this;
        }

        /**
         * Where to read the token for every request, e.g. from a secret manager's cache, so that a regenerated
         * token is used without a new client. The supplier must be thread-safe and fast; it must not return
         * {@code null}.
         */
        public Builder tokenSupplier(Supplier<AlkeToken> supplier) {
            this.tokenSupplier = Objects.requireNonNull(supplier, "tokenSupplier");
            return this;
        }

        /** Where expiry warnings go; the SLF4J logger {@code io.tally.alke} by default. For tests. */
        Builder warnings(Consumer<String> warnings) {
            this.warnings = Objects.requireNonNull(warnings, "warnings");
            return this;
        }

        /** The base URL has a default: {@link #DEFAULT_BASE_URL}. */
        @Override
        protected boolean hasDefaultBaseUrl() {
            return true;
        }

        /** Reads {@code ALKE_TOKEN_KIND} and {@code ALKE_API_TOKEN}. */
        @Override
        protected void readEnvironment(Environment env) {
            AlkeTokenKind kind = env.get("ALKE_TOKEN_KIND").map(v -> {
                String k = v.trim().toLowerCase(Locale.ROOT);
                if (k.equals("service-account")) {
                    return AlkeTokenKind.SERVICE_ACCOUNT;
                }
                if (k.equals("personal")) {
                    return AlkeTokenKind.PERSONAL;
                }
                throw new IllegalStateException("environment variable ALKE_TOKEN_KIND must be service-account or "
                        + "personal, got '" + v + "'");
            }).orElse(AlkeTokenKind.SERVICE_ACCOUNT);
            env.get("ALKE_API_TOKEN").ifPresent(t -> fromVariable("ALKE_API_TOKEN",
                    () -> token(AlkeToken.of(kind, t.trim()))));
        }

        /** Builds the client. A client without a token fails each report before sending. */
        @Override
        public Alke build() {
            ClientOptions built = buildOptions();
            TokenSource tokens = tokenSupplier == null ? null : new TokenSource(tokenSupplier, built.clock(), warnings);
            return new Alke(contextFor(tokens, built), tokens);
        }
    }
}
