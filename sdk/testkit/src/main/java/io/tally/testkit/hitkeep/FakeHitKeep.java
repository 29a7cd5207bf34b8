package io.tally.testkit.hitkeep;

import io.tally.testkit.server.ErrorBody;
import io.tally.testkit.server.Fault;
import io.tally.testkit.server.FakeServer;
import io.tally.testkit.server.RecordedExchange;
import io.tally.testkit.server.RequestLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An in-process HitKeep 2.8.1 server for tests and demos: a real HTTP server on a loopback port that answers the
 * way HitKeep does, from deterministic demo data.
 *
 * <pre>{@code
 * try (FakeHitKeep hitkeep = FakeHitKeep.start()) {
 *     HitKeep client = HitKeep.builder().baseUrl(hitkeep.baseUrl()).apiToken(HitKeepDemo.TOKEN).build();
 *     …
 *     assertThat(hitkeep.lastRequest().header("Authorization")).isEqualTo("Bearer demo-token");
 * }
 * }</pre>
 *
 * <h2>What it serves</h2>
 * The read routes of the HitKeep reference with their query parameters, defaults and errors: {@code /api/status},
 * {@code /api/sites}, site {@code stats} (with {@code comparison}), raw {@code hits} (paged, searched, sorted),
 * {@code hits/export} and {@code takeout} (CSV, JSON, NDJSON, XLSX), {@code events/*}, {@code goals} and
 * {@code funnels} (with stats and series), {@code ecommerce/*}, {@code web-vitals/*}, {@code ai-fetch/*},
 * {@code qr-codes}, {@code tracking/status}, {@code opportunities}, the imported Search Console reports and the
 * {@code realtime} event stream; the writes that create and delete
 * goals, funnels and sites; server-side ingest; and the login, MFA, session and logout routes. Anything else is
 * {@code 404 Not found}. Errors are {@code text/plain} bodies ending in a newline, as HitKeep sends them.
 *
 * <h2>Auth, as HitKeep enforces it</h2>
 * <ul>
 *   <li>API tokens in {@code Authorization: Bearer} (scheme case-insensitive) or {@code X-API-Key}; Bearer wins.
 *       An unknown token is {@code 401 Unauthorized}. Tokens come from {@link #addToken}, {@link #addTeamToken},
 *       {@link Builder#token} and the {@linkplain HitKeepDemo demo tokens}.</li>
 *   <li>Grants are explicit: no grant for the path's site is {@code 403 Access denied}; a grant whose
 *       {@link Role} lacks the permission is {@code 403 Forbidden}; {@code GET /api/sites} lists only granted
 *       sites.</li>
 *   <li>Dashboard sessions: {@code POST /api/login} sets the {@code hk_token} cookie (15 minutes by the fake's
 *       clock; {@code remember_me} adds {@code hk_remember_me} for 30 days), or answers {@code mfa_required} for a
 *       user with TOTP; session-only routes refuse tokens with {@code 401}.</li>
 *   <li>Team tokens get {@code 401} on user-bound routes ({@code /stats}, {@code /hits}, exports).</li>
 *   <li>Writes under {@code /api/} need an {@code Origin} (or {@code Referer}) equal to the public URL, else
 *       {@code 404 Not found}; server ingest is exempt. {@link Builder#originCheck(boolean)} turns this off.</li>
 *   <li>Optionally, per-IP token buckets answer {@code 429 Too Many Requests} without {@code Retry-After}
 *       ({@link Builder#rateLimit(double, int)}).</li>
 * </ul>
 *
 * <h2>Time</h2>
 * The fake reads time from its {@link Builder#clock(Clock) clock}: default date ranges, session and MFA expiry,
 * rate-limit refills. Demo data is generated up to an hour past {@link Builder#now(Instant) "now"} (by default the
 * clock's time truncated to the hour) and shown only once the clock has reached it, so a fixed clock gives fixed
 * answers and a running clock keeps the demo live.
 *
 * <h2>Recorded requests and faults</h2>
 * The fake runs on the testkit's {@link FakeServer}: it keeps the newest {@link Builder#requestLogCapacity(int)
 * requestLogCapacity} requests (default {@value RequestLog#DEFAULT_CAPACITY}; {@link Builder#recordRequests(boolean)
 * recordRequests(false)} keeps none, for long-running demos) and plays {@linkplain #failNext(int, Fault) queued
 * faults} (5xx, 429 with {@code Retry-After}, dropped connections, slow and truncated bodies) before its own
 * answer. Fault error bodies are HitKeep's {@code text/plain} ones.
 *
 * <p>Instances are thread-safe. {@link #close()} stops the server; it is safe to call more than once. Starting a
 * fake sets the system property {@code sun.net.httpserver.nodelay} (see {@link FakeServer}).
 */
public final class FakeHitKeep implements AutoCloseable {
    private final FakeState state;
    private final RouteTable routes = new RouteTable();
    private final FakeServer server;
    private final String baseUrl;

    private FakeHitKeep(Config config) {
        this.state = new FakeState(config);
        new CoreRoutes(state).register(routes);
        new AnalyticsRoutes(state).register(routes);
        new ExportRoutes(state).register(routes);
        new CommerceRoutes().register(routes);
        new VitalRoutes().register(routes);
        new AiRoutes().register(routes);
        new QrRoutes(state).register(routes);
        new IngestRoutes(state).register(routes);
        new RealtimeRoutes(state).register(routes);
        new OpportunityRoutes(state).register(routes);
        new SearchConsoleRoutes(state).register(routes);
        this.server = FakeServer.builder("fake-hitkeep")
                .host(config.host())
                .port(config.port())
                .clock(config.clock())
                .maxRequestBody(HitKeepExchangeHandler.MAX_BODY)
                .requestLogCapacity(config.requestLogCapacity())
                .recordRequests(config.recordRequests())
                .errorBodies(FakeHitKeep::errorBody)
                .start(new HitKeepExchangeHandler(state, routes));
        this.baseUrl = server.baseUrl();
        String publicUrl = config.publicUrl();
        // the builder accepts only URLs with an origin, and the base URL has one
        state.publicOrigin = Objects.requireNonNull(
                HitKeepExchangeHandler.originOf(publicUrl != null ? publicUrl : baseUrl), "publicOrigin");
    }

    /** HitKeep's error body for a status: Go's {@code http.Error} text, ending in a newline. */
    static ErrorBody errorBody(int status) {
        String message;
        switch (status) {
            case 400 -> message = "Bad request";
            case 401 -> message = "Unauthorized";
            case 403 -> message = "Forbidden";
            case 404 -> message = "Not found";
            case 429 -> message = "Too Many Requests";
            case 500 -> message = "Internal server error";
            case 502 -> message = "Bad Gateway";
            case 503 -> message = "Service Unavailable";
            case 504 -> message = "Gateway Timeout";
            default -> message = "Error " + status;
        }
        return ErrorBody.text(message + "\n");
    }

    /** Starts a fake with demo data on a free loopback port. */
    public static FakeHitKeep start() {
        return builder().start();
    }

    /** Starts a fake with the given configuration. */
    public static FakeHitKeep start(Config config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        return new FakeHitKeep(config);
    }

    /** Starts configuring a fake. */
    public static Builder builder() {
        return new Builder();
    }

    /** The base URL to give a client, e.g. {@code http://127.0.0.1:54321} (no trailing slash). */
    public String baseUrl() {
        return baseUrl;
    }

    /** The base URL followed by {@code path}, e.g. {@code url("/api/sites")}. */
    public String url(String path) {
        return baseUrl + (path.startsWith("/") ? path : "/" + path);
    }

    /** The port the server listens on. */
    public int port() {
        return server.port();
    }

    /**
     * The {@link FakeServer} underneath: its raw {@linkplain FakeServer#requests() request log}, fault queue and
     * counters, the same for every fake (the provider conformance suite works through it).
     */
    public FakeServer server() {
        return server;
    }

    /** The next request plays {@code fault} instead of (or around) the fake's answer. */
    public FakeHitKeep failNext(Fault fault) {
        server.failNext(fault);
        return this;
    }

    /**
     * The next {@code count} requests (after faults queued earlier) each play {@code fault}, e.g.
     * {@code failNext(2, Fault.serverError())}.
     *
     * @throws IllegalArgumentException if the fault is {@code null} or the count negative
     */
    public FakeHitKeep failNext(int count, Fault fault) {
        server.failNext(count, fault);
        return this;
    }

    /** Faults queued and not yet played. */
    public int pendingFaults() {
        return server.pendingFaults();
    }

    /** The origin writes must send in {@code Origin} (the public URL's, by default the base URL's). */
    public String publicOrigin() {
        return state.publicOrigin;
    }

    /** The "now" the demo data was generated for. */
    public Instant demoNow() {
        return state.demoNow;
    }

    RouteTable routeTable() {
        return routes;
    }

    /** The configuration this fake was started with. */
    public Config config() {
        return state.config;
    }

    /**
     * Adds (or replaces) a personal API token with these grants, until the next {@link #reset()}.
     *
     * @throws IllegalArgumentException if the token is blank or contains whitespace
     */
    public FakeHitKeep addToken(String token, Grant... grants) {
        TokenSpec spec = TokenSpec.of(token, grants, false);
        state.access.addToken(spec.token(), spec.grants(), false);
        return this;
    }

    /**
     * Adds (or replaces) a team API token: like {@link #addToken}, but refused with {@code 401} on user-bound routes
     * such as {@code /stats}, {@code /hits} and the exports (reference §2.6).
     */
    public FakeHitKeep addTeamToken(String token, Grant... grants) {
        TokenSpec spec = TokenSpec.of(token, grants, true);
        state.access.addToken(spec.token(), spec.grants(), true);
        return this;
    }

    /** Revokes a token: it gets {@code 401} from now on. Returns whether it existed. */
    public boolean revokeToken(String token) {
        return token != null && state.access.revokeToken(token);
    }

    /** Adds (or replaces, by e-mail) a dashboard user, until the next {@link #reset()}. */
    public FakeHitKeep addUser(DashboardUser user) {
        if (user == null) {
            throw new IllegalArgumentException("user must not be null");
        }
        state.access.addUser(user);
        return this;
    }

    /**
     * Adds an empty site and returns its id; it lives until the next {@link #reset()}. Grant it to a token with
     * {@link Grant#site(String, Role)}, or use a token with {@link Grant#allSites(Role)}.
     *
     * @throws IllegalArgumentException if the domain is blank, contains a scheme, or already exists
     */
    public String addSite(String domain) {
        if (domain == null || domain.trim().isEmpty() || domain.contains("://") || domain.contains("/")) {
            throw new IllegalArgumentException("domain must be a host name such as example.com, got: " + domain);
        }
        String d = domain.trim().toLowerCase(java.util.Locale.ROOT);
        if (state.siteByHost(d) != null) {
            throw new IllegalArgumentException("domain already exists in this fake: " + d);
        }
        return state.addSite(d, HitKeepDemo.OWNER_USER_ID, HitKeepDemo.OWNER_EMAIL).id();
    }

    /** The id of the site with this domain, or {@code null}. */
    public @Nullable String siteId(String domain) {
        SiteData site = domain == null ? null : state.siteByHost(domain);
        return site == null ? null : site.id();
    }

    /**
     * The requests received since the start or the last reset, oldest first: all of them, or the newest
     * {@link Builder#requestLogCapacity(int) requestLogCapacity} once more arrived ({@link #evictedRequests()}
     * counts the others); none when recording is off.
     */
    public List<RecordedRequest> requests() {
        List<RecordedExchange> recorded = server.requests();
        List<RecordedRequest> out = new ArrayList<>(recorded.size());
        for (RecordedExchange e : recorded) {
            out.add(RecordedRequest.of(e));
        }
        return Collections.unmodifiableList(out);
    }

    /** The most recent recorded request, or {@code null} if none arrived (or recording is off). */
    public @Nullable RecordedRequest lastRequest() {
        RecordedExchange last = server.lastRequest();
        return last == null ? null : RecordedRequest.of(last);
    }

    /** How many requests arrived since the start or the last reset, recorded or not. */
    public int requestCount() {
        return (int) Math.min(Integer.MAX_VALUE, server.requestCount());
    }

    /** How many requests were dropped from the log to keep it within its capacity, since the start or last reset. */
    public long evictedRequests() {
        return server.evictedRequests();
    }

    /** Forgets the recorded requests and ingested records; data, credentials and queued faults stay as they are. */
    public void clearRequests() {
        server.clearRequests();
        state.ingested.clear();
    }

    /**
     * What the ingest routes accepted since the start or the last reset, oldest first; bounded like
     * {@link #requests()} (the newest {@code requestLogCapacity}, none when recording is off).
     */
    public List<IngestedRecord> ingested() {
        return state.ingested.entries();
    }

    /**
     * Back to the state right after start: demo data, configured tokens and users, no sessions, no recorded
     * requests, no ingested records, no queued faults, empty rate-limit buckets. Sites, tokens, users, goals and
     * funnels added since are gone.
     */
    public void reset() {
        state.reset();
        server.clearRequests();
        server.clearFaults();
    }

    /** Stops the server. Idempotent. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "FakeHitKeep{" + baseUrl + ", sites=" + state.sites().size() + (server.isClosed() ? ", closed" : "")
                + "}";
    }

    /** A token configured on the builder. Its value is never printed. */
    record TokenSpec(String token, List<Grant> grants, boolean team) {
        static TokenSpec of(String token, Grant[] grants, boolean team) {
            if (token == null || token.trim().isEmpty() || !token.equals(token.trim()) || token.matches(".*\\s.*")) {
                throw new IllegalArgumentException("token must be a non-blank string without whitespace");
            }
            if (grants == null) {
                throw new IllegalArgumentException("grants must not be null");
            }
            for (Grant g : grants) {
                if (g == null) {
                    throw new IllegalArgumentException("grants must not contain null");
                }
            }
            return new TokenSpec(token, Collections.unmodifiableList(Arrays.asList(grants.clone())), team);
        }

        @Override
        public String toString() {
            return "TokenSpec{" + (team ? "team" : "personal") + ", grants=" + grants + "}";
        }
    }

    /**
     * An immutable configuration, made by {@link Builder#build()}. Start any number of fakes from it with
     * {@link #start()}; {@link FakeHitKeepExtension} takes one too.
     */
    public static final class Config {
        private final String host;
        private final int port;
        private final Clock clock;
        private final @Nullable Instant now;
        private final long seed;
        private final boolean demoData;
        private final boolean originCheck;
        private final @Nullable String publicUrl;
        private final double rateLimitPerSecond;
        private final int rateLimitBurst;
        private final List<TokenSpec> tokens;
        private final List<DashboardUser> users;
        private final @Nullable String totpCode;
        private final String version;
        private final int requestLogCapacity;
        private final boolean recordRequests;

        private Config(Builder b) {
            host = b.host;
            port = b.port;
            clock = b.clock;
            now = b.now;
            seed = b.seed;
            demoData = b.demoData;
            originCheck = b.originCheck;
            publicUrl = b.publicUrl;
            rateLimitPerSecond = b.rateLimitPerSecond;
            rateLimitBurst = b.rateLimitBurst;
            tokens = Collections.unmodifiableList(new ArrayList<>(b.tokens));
            users = Collections.unmodifiableList(new ArrayList<>(b.users));
            totpCode = b.totpCode;
            version = b.version;
            requestLogCapacity = b.requestLogCapacity;
            recordRequests = b.recordRequests;
        }

        /** Starts a fake with this configuration. */
        public FakeHitKeep start() {
            return FakeHitKeep.start(this);
        }

        /** The interface to listen on. */
        public String host() {
            return host;
        }

        /** The port to listen on; 0 picks a free one. */
        public int port() {
            return port;
        }

        /** The clock the fake reads time from. */
        public Clock clock() {
            return clock;
        }

        /** The demo's "now", or {@code null} for the clock's time truncated to the hour. */
        public @Nullable Instant now() {
            return now;
        }

        /** The demo data seed. */
        public long seed() {
            return seed;
        }

        /** Whether the demo sites, tokens and users are loaded. */
        public boolean demoData() {
            return demoData;
        }

        /** Whether writes need a matching {@code Origin}. */
        public boolean originCheck() {
            return originCheck;
        }

        /** The public URL writes' {@code Origin} must match, or {@code null} for the base URL. */
        public @Nullable String publicUrl() {
            return publicUrl;
        }

        /** Token-bucket refill rate per IP and limiter family; 0 when rate limiting is off. */
        public double rateLimitPerSecond() {
            return rateLimitPerSecond;
        }

        /** Token-bucket size; meaningful only when rate limiting is on. */
        public int rateLimitBurst() {
            return rateLimitBurst;
        }

        /** The version {@code GET /api/status} reports. */
        public String version() {
            return version;
        }

        /** How many requests (and ingested records) the fake keeps, the newest. */
        public int requestLogCapacity() {
            return requestLogCapacity;
        }

        /** Whether requests (and ingested records) are kept at all. */
        public boolean recordRequests() {
            return recordRequests;
        }

        List<TokenSpec> tokens() {
            return tokens;
        }

        List<DashboardUser> users() {
            return users;
        }

        @Nullable
        String totpCode() {
            return totpCode;
        }

        @Override
        public String toString() {
            return "FakeHitKeep.Config{" + host + ":" + port + ", seed=" + seed + ", demoData=" + demoData
                    + ", originCheck=" + originCheck + (rateLimitPerSecond > 0
                            ? ", rateLimit=" + rateLimitPerSecond + "/s burst " + rateLimitBurst : "")
                    + ", tokens=" + tokens.size() + ", users=" + users.size()
                    + (recordRequests ? ", requestLogCapacity=" + requestLogCapacity : ", recordRequests=false") + "}";
        }
    }

    /** Configures a {@link FakeHitKeep}. Every setter validates its input and names the field when it refuses. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private Clock clock = Clock.systemUTC();
        private @Nullable Instant now;
        private long seed = HitKeepDemo.DEFAULT_SEED;
        private boolean demoData = true;
        private boolean originCheck = true;
        private @Nullable String publicUrl;
        private double rateLimitPerSecond;
        private int rateLimitBurst;
        private final List<TokenSpec> tokens = new ArrayList<>();
        private final List<DashboardUser> users = new ArrayList<>();
        private @Nullable String totpCode;
        private String version = HitKeepDemo.VERSION;
        private int requestLogCapacity = RequestLog.DEFAULT_CAPACITY;
        private boolean recordRequests = true;

        private Builder() {}

        /** The interface to listen on; default {@code 127.0.0.1}. */
        public Builder host(String host) {
            if (host == null || host.trim().isEmpty()) {
                throw new IllegalArgumentException("host must be an interface address such as 127.0.0.1");
            }
            this.host = host.trim();
            return this;
        }

        /** The port; default 0, a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got: " + port);
            }
            this.port = port;
            return this;
        }

        /** The clock for "now" in every request; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new IllegalArgumentException("clock must not be null");
            }
            this.clock = clock;
            return this;
        }

        /** The instant the demo data ends at (plus an hour revealed as the clock passes it); default the clock's hour. */
        public Builder now(Instant now) {
            if (now == null) {
                throw new IllegalArgumentException("now must not be null");
            }
            this.now = now;
            return this;
        }

        /** The demo data seed; default {@link HitKeepDemo#DEFAULT_SEED}. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Whether to load the demo sites, tokens and users; default {@code true}. */
        public Builder demoData(boolean demoData) {
            this.demoData = demoData;
            return this;
        }

        /** Whether writes under {@code /api/} need a matching {@code Origin} (HitKeep ≤ 2.11); default {@code true}. */
        public Builder originCheck(boolean originCheck) {
            this.originCheck = originCheck;
            return this;
        }

        /**
         * The public URL ({@code HITKEEP_PUBLIC_URL}) whose origin writes must send; default the fake's base URL.
         *
         * @throws IllegalArgumentException unless it is an absolute http or https URL
         */
        public Builder publicUrl(String publicUrl) {
            if (publicUrl == null || HitKeepExchangeHandler.originOf(publicUrl) == null
                    || !(publicUrl.startsWith("http://") || publicUrl.startsWith("https://"))) {
                throw new IllegalArgumentException(
                        "publicUrl must be an absolute http or https URL, got: " + publicUrl);
            }
            this.publicUrl = publicUrl;
            return this;
        }

        /**
         * Turns on HitKeep's per-IP rate limiting: each client IP gets a bucket per limiter family (api, ingest,
         * auth) of {@code burst} requests, refilled at {@code perSecond}; an empty bucket answers
         * {@code 429 Too Many Requests} with no {@code Retry-After}. Off by default.
         */
        public Builder rateLimit(double perSecond, int burst) {
            if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
                throw new IllegalArgumentException("rateLimit perSecond must be a positive number, got: " + perSecond);
            }
            if (burst < 1) {
                throw new IllegalArgumentException("rateLimit burst must be at least 1, got: " + burst);
            }
            this.rateLimitPerSecond = perSecond;
            this.rateLimitBurst = burst;
            return this;
        }

        /** A personal API token that survives {@link FakeHitKeep#reset()}. */
        public Builder token(String token, Grant... grants) {
            tokens.add(TokenSpec.of(token, grants, false));
            return this;
        }

        /** A team API token (refused on user-bound routes) that survives {@link FakeHitKeep#reset()}. */
        public Builder teamToken(String token, Grant... grants) {
            tokens.add(TokenSpec.of(token, grants, true));
            return this;
        }

        /** A dashboard user that survives {@link FakeHitKeep#reset()}. */
        public Builder user(DashboardUser user) {
            if (user == null) {
                throw new IllegalArgumentException("user must not be null");
            }
            users.add(user);
            return this;
        }

        /** The valid TOTP code of the demo MFA user {@link HitKeepDemo#MFA_EMAIL}; default {@link HitKeepDemo#TOTP_CODE}. */
        public Builder totpCode(String code) {
            this.totpCode = DashboardUser.checkTotpCode(code);
            return this;
        }

        /** The version {@code GET /api/status} reports; default {@link HitKeepDemo#VERSION}. */
        public Builder version(String version) {
            if (version == null || version.trim().isEmpty()) {
                throw new IllegalArgumentException("version must not be blank");
            }
            this.version = version.trim();
            return this;
        }

        /**
         * How many requests the fake keeps for {@link FakeHitKeep#requests()} (the newest; older ones are counted
         * in {@link FakeHitKeep#evictedRequests()}), and as many ingested records; default
         * {@value RequestLog#DEFAULT_CAPACITY}.
         *
         * @throws IllegalArgumentException unless between 0 and {@value RequestLog#MAX_CAPACITY}
         */
        public Builder requestLogCapacity(int capacity) {
            this.requestLogCapacity = RequestLog.checkCapacity(capacity);
            return this;
        }

        /**
         * Whether to keep requests and ingested records at all; default {@code true}. A demo server that runs for
         * hours should say {@code false}: it then keeps nothing and only counts.
         */
        public Builder recordRequests(boolean recordRequests) {
            this.recordRequests = recordRequests;
            return this;
        }

        /** An immutable configuration to start fakes from. */
        public Config build() {
            return new Config(this);
        }

        /** Builds and starts a fake. */
        public FakeHitKeep start() {
            return build().start();
        }
    }
}
