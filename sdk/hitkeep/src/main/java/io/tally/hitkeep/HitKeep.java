package io.tally.hitkeep;

import io.tally.core.ClientBuilder;
import io.tally.core.ClientOptions;
import io.tally.core.Credentials;
import io.tally.core.Environment;
import io.tally.core.RawRequests;
import io.tally.core.spi.ProviderInfo;
import io.tally.core.json.TallyJson;
import io.tally.core.spi.ClientContext;
import io.tally.hitkeep.internal.HitKeepErrorDecoder;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * A client for the HitKeep REST API (open-source web analytics, reference version 2.8.1).
 *
 * <pre>{@code
 * HitKeep hitkeep = HitKeep.builder()
 *     .baseUrl("https://analytics.example.com")
 *     .apiToken(System.getenv("HITKEEP_API_TOKEN"))
 *     .build();                                   // or HitKeep.fromEnv()
 * List<Site> sites = hitkeep.sites().list().execute();
 * }</pre>
 *
 * <p>Two ways to authenticate: an <b>API-client token</b> (Bearer by default, or {@code X-API-Key}) for
 * the routes that accept tokens, and a <b>dashboard session</b> from {@code auth().login(…)} for
 * session-only routes (API clients, teams, user settings). Calling a session-only route without a
 * session fails before sending with {@link SessionRequiredException}.
 *
 * <p>Immutable and thread-safe. {@link #withToken(String)}, {@link #withSession(HitKeepSession)} and
 * {@link #withOptions(UnaryOperator)} derive clients that share this one's connection pool.
 *
 * <p>Environment variables read by {@link #fromEnv()}: {@code HITKEEP_BASE_URL} (required),
 * {@code HITKEEP_API_TOKEN}, {@code HITKEEP_TOKEN_HEADER} ({@code bearer} or {@code x-api-key}),
 * {@code HITKEEP_TIMEOUT_SECONDS}, {@code HITKEEP_MAX_RETRIES}, {@code TALLY_LOG_LEVEL}.
 */
public final class HitKeep {
    /** How Tally talks to HitKeep: snake_case JSON, plain-text errors. */
    static final ProviderInfo PROVIDER = ProviderInfo.builder("HitKeep")
            .userAgentToken("hitkeep")
            .mapper(TallyJson.snakeCaseMapper())
            .errorDecoder(new HitKeepErrorDecoder())
            .requestIdHeaders("x-request-id")
            .build();

    private final ClientContext context;
    private final TokenHeader tokenHeader;
    private final @Nullable String origin;
    /** The session set with {@link #withSession}, or {@code null}; its cookies are the client's session cookies. */
    private final @Nullable HitKeepSession session;

    private HitKeep(ClientContext context, TokenHeader tokenHeader, @Nullable String origin,
            @Nullable HitKeepSession session) {
        this.context = context;
        this.tokenHeader = tokenHeader;
        this.origin = origin;
        this.session = session;
    }

    /** A builder for a client; set at least {@link Builder#baseUrl(String)}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A client configured from the environment variables listed in the class documentation. */
    public static HitKeep fromEnv() {
        return fromEnv(Environment.system());
    }

    /** A client configured from the given variables (see the class documentation). */
    public static HitKeep fromEnv(Environment env) {
        return builder().fromEnv(env).build();
    }

    /** A client that authenticates with another API-client token; shares this client's pool. */
    public HitKeep withToken(String apiToken) {
        Credentials token = tokenCredentials(tokenHeader, apiToken);
        return new HitKeep(context.withCredentials(token), tokenHeader, origin, null);
    }

    /**
     * A client that uses a dashboard session (for session-only routes); shares this client's pool. The session's
     * cookies replace any this client already sends (a remember-me cookie of an earlier session is not kept);
     * the API token, if any, stays.
     */
    public HitKeep withSession(HitKeepSession session) {
        Objects.requireNonNull(session, "session");
        Credentials c = Credentials.sessionCookie(HitKeepSession.TOKEN_COOKIE, session.token());
        if (session.rememberMe() != null) {
            c = c.and(Credentials.sessionCookie(HitKeepSession.REMEMBER_ME_COOKIE, session.rememberMe()));
        }
        Credentials others = context.options().credentials().without(Credentials.Kind.SESSION_COOKIE);
        return new HitKeep(context.withCredentials(others.and(c)), tokenHeader, origin, session);
    }

    /**
     * The session after HitKeep renewed it: a new {@code hk_token}, and the remember-me cookie HitKeep set or,
     * when it set none, the one this client already sends (HitKeep rotates it only when it changes it).
     */
    HitKeepSession renewedSession(HitKeepSession renewed) {
        if (renewed.rememberMe() == null && session != null && session.rememberMe() != null) {
            return HitKeepSession.of(renewed.token(), session.rememberMe());
        }
        return renewed;
    }

    /** A client with the renewed session: like {@link #withSession} but keeps cookies set some other way. */
    HitKeep withRenewedSession(HitKeepSession renewed) {
        if (session != null) {
            return withSession(renewed);
        }
        Credentials c = Credentials.sessionCookie(HitKeepSession.TOKEN_COOKIE, renewed.token());
        if (renewed.rememberMe() != null) {
            c = c.and(Credentials.sessionCookie(HitKeepSession.REMEMBER_ME_COOKIE, renewed.rememberMe()));
        }
        return new HitKeep(context.withCredentials(context.options().credentials().and(c)), tokenHeader, origin, null);
    }

    /** A client with changed options (timeouts, retries, logging…); shares this client's pool. */
    public HitKeep withOptions(UnaryOperator<ClientOptions.Builder> change) {
        ClientOptions changed = change.apply(context.options().toBuilder()).build();
        boolean sameCredentials = changed.credentials() == context.options().credentials();
        return new HitKeep(context.withOptions(changed), tokenHeader, origin, sameCredentials ? session : null);
    }

    /** The options this client was built with (credentials shown redacted by {@code toString()}). */
    public ClientOptions options() {
        return context.options();
    }

    /** Whether this client carries a dashboard session. */
    public boolean hasSession() {
        return context.options().credentials().has(Credentials.Kind.SESSION_COOKIE);
    }

    ClientContext context() {
        return context;
    }

    /** The Origin sent on unsafe requests, or {@code null} when switched off. */
    @Nullable
    String origin() {
        return origin;
    }

    TokenHeader tokenHeader() {
        return tokenHeader;
    }

    // ---- resources ------------------------------------------------------------------------------
    // (resource accessors are added below, one per group of routes)

    /** Historical data imports (Plausible, Simple Analytics) into a site. */
    public Imports imports() {
        return new Imports(this);
    }

    /** Ranked recommendations derived from a site's data. */
    public Opportunities opportunities() {
        return new Opportunities(this);
    }

    /** Dynamic QR campaigns: definitions, graphics, opens, summaries, takeouts and QR-only share links. */
    public QrCodes qrCodes() {
        return new QrCodes(this);
    }

    /** Read-only share links of a site's dashboard (list, create, revoke). */
    public ShareLinks shareLinks() {
        return new ShareLinks(this);
    }

    /** One QR code seen through a QR-only share link; sends no credentials but the token in the path. */
    public SharedQrCode sharedQrCode(String qrShareToken) {
        return new SharedQrCode(this, qrShareToken);
    }

    /** A site's dashboard seen through a read-only share link; sends no credentials but the token in the path. */
    public SharedDashboard shared(String shareToken) {
        return new SharedDashboard(this, shareToken);
    }

    /** Google Search Console: team connection, site property mapping and the imported reports. */
    public SearchConsole searchConsole() {
        return new SearchConsole(this);
    }

    /** HitKeep Cloud only (billing build): plans, sign-up and Stripe billing pages. */
    public Cloud cloud() {
        return new Cloud(this);
    }

    /** Instance administration: users, teams, sites, global exclusions, system status, maintenance, audit log. */
    public Admin admin() {
        return new Admin(this);
    }

    /** The instance's public routes: version and setup status, health and readiness probes, OpenAPI documents. */
    public Server server() {
        return new Server(this);
    }

    /** Dashboard sign-in (login, second factors, session renewal, logout), password reset, invitations, setup. */
    public Auth auth() {
        return new Auth(this);
    }

    /** API clients of the signed-in user and of teams: create, update, rotate, delete (session only). */
    public ApiClients apiClients() {
        return new ApiClients(this);
    }

    /** The signed-in user's profile, preferences, permissions, password, second factors and takeout (session only). */
    public Account account() {
        return new Account(this);
    }

    /** The signed-in user's teams: members, invitations, ownership, archive, audit log (session only). */
    public Teams teams() {
        return new Teams(this);
    }

    /** Sites: list and create, stats, raw hits and exports, takeout, realtime stream, members, exclusions, retention. */
    public Sites sites() {
        return new Sites(this);
    }

    /** Custom events of a site: names, properties, series, breakdowns and audiences. */
    public Events events() {
        return new Events(this);
    }

    /** Ecommerce numbers of a site: summary, products, sources and series. */
    public Ecommerce ecommerce() {
        return new Ecommerce(this);
    }

    /** Core Web Vitals of a site: summary, series, pages and breakdowns. */
    public WebVitals webVitals() {
        return new WebVitals(this);
    }

    /** AI crawler fetches (overview, series, correlation, export) and AI-chatbot referred visits (export). */
    public AiAnalytics ai() {
        return new AiAnalytics(this);
    }

    /** Conversion goals of a site: list, create, delete, series. */
    public Goals goals() {
        return new Goals(this);
    }

    /** Funnels of a site: list, create, delete, stats, series. */
    public Funnels funnels() {
        return new Funnels(this);
    }

    /** The signed-in user's e-mail report subscriptions (session only). */
    public Reports reports() {
        return new Reports(this);
    }

    /** Server-side ingest of pageviews and events (token only), AI crawler fetches, and paced batches. */
    public Ingest ingest() {
        return new Ingest(this);
    }

    // ---- end of resources -----------------------------------------------------------------------

    /**
     * Requests to routes this SDK does not model yet, with this client's base URL, credentials,
     * retries, error mapping and redaction: {@code hitkeep.raw().get("/api/x").execute()} returns
     * the JSON answer as a tree.
     */
    public RawRequests raw() {
        return new RawRequests(context);
    }

    @Override
    public String toString() {
        return "HitKeep[" + context.options().baseUrl() + ", " + context.options().credentials() + "]";
    }

    static Credentials tokenCredentials(TokenHeader header, String token) {
        return header == TokenHeader.X_API_KEY
                ? Credentials.apiKey("apiToken", "X-API-Key", token)
                : Credentials.bearer("apiToken", token);
    }

    /**
     * Builder for {@link HitKeep}. {@link #baseUrl(String)} is required. The settings every provider
     * shares (timeouts, retries, rate limit, logging, user agent, OkHttp client, clock, sleeper) come
     * from {@link ClientBuilder}; HitKeep's per-IP limit is kept with e.g.
     * {@code rateLimit(RateLimit.of(10, 20))} for its default api limiter.
     */
    public static final class Builder extends ClientBuilder<Builder, HitKeep> {
        private @Nullable String apiToken;
        private @Nullable HitKeepSession session;
        private TokenHeader tokenHeader = TokenHeader.BEARER;
        private boolean sendOrigin = true;
        private @Nullable String originOverride;

        private Builder() {
            super("HitKeep", "HITKEEP", "your HitKeep instance's URL, e.g. https://analytics.example.com");
        }

        /** An API-client token (64 hex characters in HitKeep 2.8.1; treated as opaque). */
        public Builder apiToken(String apiToken) {
            Credentials.bearer("apiToken", apiToken); // validates now, with a message naming the field
            this.apiToken = apiToken;
            return this;
        }

        /** How to send the token: {@code Authorization: Bearer} (default) or {@code X-API-Key}. */
        public Builder tokenHeader(TokenHeader tokenHeader) {
            this.tokenHeader = Objects.requireNonNull(tokenHeader, "tokenHeader");
            return this;
        }

        /** A stored dashboard session to use for session-only routes. */
        public Builder session(HitKeepSession session) {
            this.session = session;
            return this;
        }

        /**
         * Whether to send {@code Origin} (the base URL's origin) on POST/PUT/PATCH/DELETE under
         * {@code /api/}: HitKeep up to 2.11 answers 404 without it. On by default; switch off when a proxy
         * rewrites the host so that the origin would not match.
         */
        public Builder originHeader(boolean send) {
            this.sendOrigin = send;
            return this;
        }

        /** The Origin to send instead of the base URL's, e.g. the instance's public URL behind a proxy. */
        public Builder origin(String origin) {
            HttpUrl parsed = origin == null ? null : HttpUrl.parse(origin);
            if (parsed == null) {
                throw new IllegalArgumentException(
                        "origin must be an absolute http(s) URL such as https://analytics.example.com, got '"
                                + origin + "'");
            }
            this.originOverride = originOf(parsed);
            return this;
        }

        /** Reads {@code HITKEEP_TOKEN_HEADER} ({@code bearer} or {@code x-api-key}) and {@code HITKEEP_API_TOKEN}. */
        @Override
        protected void readEnvironment(Environment env) {
            env.get("HITKEEP_TOKEN_HEADER").ifPresent(v -> {
                String h = v.trim().toLowerCase(Locale.ROOT);
                if (h.equals("bearer")) {
                    tokenHeader(TokenHeader.BEARER);
                } else if (h.equals("x-api-key")) {
                    tokenHeader(TokenHeader.X_API_KEY);
                } else {
                    throw new IllegalStateException(
                            "environment variable HITKEEP_TOKEN_HEADER must be bearer or x-api-key, got '"
                                    + v + "'");
                }
            });
            env.get("HITKEEP_API_TOKEN").ifPresent(t -> fromVariable("HITKEEP_API_TOKEN", () -> apiToken(t.trim())));
        }

        /**
         * Builds the client.
         *
         * @throws IllegalArgumentException when the base URL is missing
         */
        @Override
        public HitKeep build() {
            credentials(apiToken != null ? tokenCredentials(tokenHeader, apiToken) : Credentials.none());
            ClientOptions built = buildOptions();
            String origin = sendOrigin ? (originOverride != null ? originOverride
                    : originOf(Objects.requireNonNull(built.baseUrl(), "baseUrl"))) : null;
            HitKeep client = new HitKeep(ClientContext.create(PROVIDER, built), tokenHeader, origin, null);
            return session != null ? client.withSession(session) : client;
        }

        private static String originOf(HttpUrl url) {
            int defaultPort = HttpUrl.defaultPort(url.scheme());
            return url.scheme() + "://" + url.host() + (url.port() == defaultPort ? "" : ":" + url.port());
        }
    }
}
