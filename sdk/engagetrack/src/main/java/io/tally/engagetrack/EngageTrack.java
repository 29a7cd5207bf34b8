package io.tally.engagetrack;

import io.tally.core.ClientBuilder;
import io.tally.core.ClientOptions;
import io.tally.core.Credentials;
import io.tally.core.Environment;
import io.tally.core.RawRequests;
import io.tally.core.json.TallyJson;
import io.tally.core.spi.ClientContext;
import io.tally.core.spi.ProviderInfo;
import io.tally.core.spi.ResponseEnvelope;
import io.tally.engagetrack.internal.EngageTrackErrorDecoder;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A client for the EngageTrack REST API (hosted web analytics, {@code https://api.engagetrack.net/api/v1}).
 *
 * <pre>{@code
 * EngageTrack engagetrack = EngageTrack.builder()
 *     .apiKey(System.getenv("ENGAGETRACK_API_KEY"))       // et_live_ + 32 hex characters
 *     .organizationId(System.getenv("ENGAGETRACK_ORG_ID"))
 *     .build();                                            // or EngageTrack.fromEnv()
 * ChannelReport channels = engagetrack.analytics().channels(siteId).period(Period.THIRTY_DAYS).execute();
 * }</pre>
 *
 * <p>Two ways to authenticate, both sent as {@code Authorization: Bearer}: an <b>API key</b> for the data
 * routes (limited by its {@link Scope scopes}), or a <b>user session token</b> (the JWT a dashboard login
 * gives; the login route is not published, so the SDK does not log in) for the routes that refuse API keys:
 * site creation and API-key management. A client holds one of the two; calling a session-only route with an
 * API key fails before sending with {@link io.tally.core.CredentialsRequiredException}. The ingestion routes
 * ({@code /event}, {@code /identify}) send no {@code Authorization} header: the site's public id
 * ({@code pk_live_…}) in the body identifies the site; to send them from a server in the background, queued,
 * paced and retried, use {@link EngageTrackSender}.
 *
 * <p>The organisation is set once on the client ({@link Builder#organizationId(String)},
 * {@code ENGAGETRACK_ORG_ID}); every route under {@code /organizations/{orgId}} uses it, and fails before
 * sending when it is not set.
 *
 * <p>Errors arrive as {@code {"error": "…"}} and are mapped by status: 401
 * {@link io.tally.core.AuthenticationException}, 402 {@link io.tally.core.PaymentRequiredException} (the Maker
 * plan has no API access), 403 {@link io.tally.core.PermissionDeniedException} whose
 * {@code missingScope()} names the scope the key lacks, 429 retried at {@code X-RateLimit-Reset} (a Unix time)
 * or the body's RFC 3339 retry time. The {@code X-RateLimit-*} headers are readable from
 * {@code executeRaw().headers()}.
 *
 * <p>Routes the vendor names without publishing their paths (goals, annotations, funnel list/update/delete,
 * charts, devices, locations, revenue) are reachable through {@link #raw()}:
 * <pre>{@code
 * JsonNode goals = engagetrack.raw()
 *     .get("/organizations/{orgId}/sites/{siteId}/goals", engagetrack.organizationId(), siteId)
 *     .execute();
 * }</pre>
 *
 * <p>Immutable and thread-safe. Environment variables read by {@link #fromEnv()}: {@code ENGAGETRACK_API_KEY},
 * {@code ENGAGETRACK_SESSION_TOKEN}, {@code ENGAGETRACK_ORG_ID}, {@code ENGAGETRACK_BASE_URL} (optional),
 * {@code ENGAGETRACK_TIMEOUT_SECONDS}, {@code ENGAGETRACK_MAX_RETRIES}, {@code TALLY_LOG_LEVEL}.
 */
public final class EngageTrack {
    /** The production base URL, every route's prefix included. */
    public static final String DEFAULT_BASE_URL = "https://api.engagetrack.net/api/v1";

    /** How Tally talks to EngageTrack: snake_case JSON, {@code {success,data}} envelopes, {@code {error}} bodies. */
    static final ProviderInfo PROVIDER = ProviderInfo.builder("EngageTrack")
            .userAgentToken("engagetrack")
            .mapper(TallyJson.snakeCaseMapper())
            .envelope(ResponseEnvelope.successData())
            .errorDecoder(new EngageTrackErrorDecoder())
            .build();

    private final ClientContext context;
    private final @Nullable String organizationId;
    private final boolean session;

    EngageTrack(ClientContext context, @Nullable String organizationId, boolean session) {
        this.context = context;
        this.organizationId = organizationId;
        this.session = session;
    }

    /** A builder; set an API key or a session token, and the organisation id. */
    public static Builder builder() {
        return new Builder();
    }

    /** A client configured from the environment variables listed in the class documentation. */
    public static EngageTrack fromEnv() {
        return fromEnv(Environment.system());
    }

    /** A client configured from the given variables (see the class documentation). */
    public static EngageTrack fromEnv(Environment env) {
        return builder().fromEnv(env).build();
    }

    /** A client that authenticates with another API key; shares this client's connection pool. */
    public EngageTrack withApiKey(String apiKey) {
        return new EngageTrack(context.withCredentials(apiKeyCredentials(apiKey)), organizationId, false);
    }

    /**
     * A client that authenticates with a user session token (JWT), for site creation and API-key management;
     * shares this client's connection pool.
     */
    public EngageTrack withSessionToken(String sessionToken) {
        return new EngageTrack(context.withCredentials(sessionCredentials(sessionToken)), organizationId, true);
    }

    /**
     * A client for another organisation; shares this client's connection pool.
     *
     * @throws IllegalArgumentException when {@code organizationId} is blank
     */
    public EngageTrack withOrganization(String organizationId) {
        return new EngageTrack(context, checkOrganization(organizationId), session);
    }

    /** A client with changed options (timeouts, retries, logging…); shares this client's pool. */
    public EngageTrack withOptions(UnaryOperator<ClientOptions.Builder> change) {
        return new EngageTrack(context.withOptions(change.apply(context.options().toBuilder()).build()), organizationId,
                session);
    }

    /** The options this client was built with (credentials shown redacted by {@code toString()}). */
    public ClientOptions options() {
        return context.options();
    }

    /** The organisation every {@code /organizations/{orgId}} route uses, or {@code null} when not set. */
    public @Nullable String organizationId() {
        return organizationId;
    }

    /** Whether this client authenticates with a user session token rather than an API key. */
    public boolean hasSession() {
        return session;
    }

    ClientContext context() {
        return context;
    }

    // ---- resources ------------------------------------------------------------------------------

    /** Sites: list, get, create (create needs a session). */
    public Sites sites() {
        return new Sites(this);
    }

    /** Analytics breakdowns of a site: stats, pages, channels, sources, referrers, campaigns. */
    public Analytics analytics() {
        return new Analytics(this);
    }

    /** Visitors of a site (searchable, paged) and one visitor's timeline. Personal data: e-mail, name. */
    public Visitors visitors() {
        return new Visitors(this);
    }

    /** Funnels: create and analyse. */
    public Funnels funnels() {
        return new Funnels(this);
    }

    /** API keys of the organisation: create, list, revoke (session only). */
    public ApiKeys apiKeys() {
        return new ApiKeys(this);
    }

    /** Team invitations. */
    public Team team() {
        return new Team(this);
    }

    /**
     * The ingestion routes {@code POST /event} and {@code POST /identify}, one request each, sent now, no queue.
     * From a server, {@link EngageTrackSender} (queued, paced, retried) is the recommended path.
     */
    public Ingestion ingestion() {
        return new Ingestion(this);
    }

    /**
     * Requests to routes this SDK does not model yet (goals, annotations, funnel list/update/delete, charts,
     * devices, locations, revenue), with this client's base URL, credentials, retries, envelope unwrapping,
     * error mapping and redaction; see the class documentation for an example.
     */
    public RawRequests raw() {
        return new RawRequests(context);
    }

    @Override
    public String toString() {
        return "EngageTrack[" + context.options().baseUrl() + ", org " + organizationId + ", "
                + context.options().credentials() + "]";
    }

    static Credentials apiKeyCredentials(String apiKey) {
        // an API_KEY part in the Authorization header: the session-only routes' rule (BEARER only) can then tell
        // the two apart and refuse an API key before sending
        Credentials.bearer("apiKey", apiKey); // checks the value, with a message naming the field
        return Credentials.apiKey("apiKey", "Authorization", "Bearer " + apiKey);
    }

    static Credentials sessionCredentials(String sessionToken) {
        return Credentials.bearer("sessionToken", sessionToken);
    }

    static String checkOrganization(String organizationId) {
        if (organizationId == null || organizationId.trim().isEmpty()) {
            throw new IllegalArgumentException(
                    "organizationId must not be null or blank (the organisation's id from the "
                            + "EngageTrack dashboard)");
        }
        if (!organizationId.equals(organizationId.trim())) {
            throw new IllegalArgumentException("organizationId must not have surrounding whitespace");
        }
        return organizationId;
    }

    /**
     * Builder for {@link EngageTrack}. The base URL defaults to {@link #DEFAULT_BASE_URL}. The settings every
     * provider shares come from {@link ClientBuilder}; EngageTrack's limit of 600 requests a minute per key is
     * kept with e.g. {@code rateLimit(RateLimit.of(10, 20))}.
     */
    public static final class Builder extends ClientBuilder<Builder, EngageTrack> {
        private @Nullable String apiKey;
        private @Nullable String sessionToken;
        private @Nullable String organizationId;

        private Builder() {
            super("EngageTrack", "ENGAGETRACK", "https://api.engagetrack.net/api/v1");
            baseUrl(DEFAULT_BASE_URL);
        }

        /**
         * An API key ({@code et_live_} and 32 hex characters; treated as opaque). Replaces a session token set
         * earlier.
         *
         * @throws IllegalArgumentException when it is blank or holds characters no header can carry
         */
        public Builder apiKey(String apiKey) {
            apiKeyCredentials(apiKey);
            this.apiKey = apiKey;
            this.sessionToken = null;
            return this;
        }

        /**
         * A user session token (JWT) for the session-only routes. Replaces an API key set earlier.
         *
         * @throws IllegalArgumentException when it is blank or holds characters no header can carry
         */
        public Builder sessionToken(String sessionToken) {
            sessionCredentials(sessionToken);
            this.sessionToken = sessionToken;
            this.apiKey = null;
            return this;
        }

        /**
         * The organisation every {@code /organizations/{orgId}} route uses.
         *
         * @throws IllegalArgumentException when it is blank
         */
        public Builder organizationId(String organizationId) {
            this.organizationId = checkOrganization(organizationId);
            return this;
        }

        /** The base URL is {@link #DEFAULT_BASE_URL} unless set. */
        @Override
        protected boolean hasDefaultBaseUrl() {
            return true;
        }

        /** Reads {@code ENGAGETRACK_API_KEY}, {@code ENGAGETRACK_SESSION_TOKEN} and {@code ENGAGETRACK_ORG_ID}. */
        @Override
        protected void readEnvironment(Environment env) {
            env.get("ENGAGETRACK_API_KEY").ifPresent(v -> fromVariable("ENGAGETRACK_API_KEY", () -> apiKey(v.trim())));
            env.get("ENGAGETRACK_SESSION_TOKEN").ifPresent(v -> fromVariable("ENGAGETRACK_SESSION_TOKEN",
                    () -> sessionToken(v.trim())));
            env.get("ENGAGETRACK_ORG_ID")
                    .ifPresent(v -> fromVariable("ENGAGETRACK_ORG_ID", () -> organizationId(v.trim())));
        }

        /**
         * Builds the client. Without credentials only the ingestion routes work; without an organisation id
         * only they and {@link EngageTrack#raw()} do.
         */
        @Override
        public EngageTrack build() {
            Credentials c = apiKey != null ? apiKeyCredentials(apiKey)
                    : sessionToken != null ? sessionCredentials(sessionToken) : Credentials.none();
            credentials(c);
            return new EngageTrack(ClientContext.create(PROVIDER, buildOptions()), organizationId,
                    sessionToken != null);
        }
    }
}
