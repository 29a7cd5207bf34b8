package io.tally.alephant;

import io.tally.core.ApiException;
import io.tally.core.ClientBuilder;
import io.tally.core.ClientOptions;
import io.tally.core.Credentials;
import io.tally.core.Environment;
import io.tally.core.RateLimitException;
import io.tally.core.RawRequests;
import io.tally.core.json.TallyJson;
import io.tally.core.spi.ClientContext;
import io.tally.core.spi.ProviderInfo;
import io.tally.core.spi.ResponseEnvelope;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * A client for Alephant's three HTTP surfaces: the SaaS API ({@code /api/v1}: workspace management
 * and dashboard analytics), the Cockpit API ({@code /api/v1/cockpit}: one virtual key's views) and
 * the Analytics (collector) API ({@code /v1/analytics}, on its own host).
 *
 * <pre>{@code
 * Alephant manager = Alephant.builder()
 *     .pat(System.getenv("ALEPHANT_PAT"))
 *     .workspaceId(System.getenv("ALEPHANT_WORKSPACE_ID"))
 *     .build();                                   // or Alephant.fromEnv()
 * UsageSeries usage = manager.analytics().usage().dates(from, to).execute();
 *
 * Alephant key = Alephant.builder().virtualKey(System.getenv("ALEPHANT_VIRTUAL_KEY")).build();
 * CockpitScope scope = key.cockpit().scope().execute();
 * }</pre>
 *
 * <p>Credentials as Alephant has them: a PAT ({@code pat_…}) or a user JWT, always with
 * {@code X-Workspace-Id}; or a virtual key ({@code vk-…}) with no workspace header. Routes that
 * accept only a JWT (PATs, workspaces, logs) or only a virtual key (Cockpit) fail before sending,
 * naming the credential they need, as does a workspace route without a workspace id.
 *
 * <p>Base URLs (reference §1, unresolved, so both are configurable): the SaaS and Cockpit APIs at
 * {@code https://alephant.io} ({@link Builder#baseUrl}), the Analytics API at
 * {@code https://analytics.alephant.io} ({@link Builder#analyticsBaseUrl}).
 *
 * <p>Errors: {@code {code, message, data}} bodies are unwrapped; business codes 40020 (more than one
 * of agentId/memberId/departmentId) and 40010 (hourly granularity with success_rate/latency) become
 * a {@link io.tally.core.BadRequestException} whose {@code errorCode()} is the code, also when sent
 * with HTTP 200; 401, 403 (with {@code missingScope()} when the message names the PAT scope), 404,
 * 409, 429 and 5xx are typed as everywhere in Tally. {@link #retryDelay(ApiException)} applies the
 * official client's 60-second default when a 429 has no {@code Retry-After}.
 *
 * <p>Models are lenient (reference §9: most shapes are unverified): unknown fields are kept,
 * numbers sent as strings are parsed, money keeps its unit ({@link io.tally.alephant.model.Money}).
 *
 * <p>Environment variables read by {@link #fromEnv()}: {@code ALEPHANT_BASE_URL} (or the official
 * server's {@code ALEPHANT_API_BASE_URL}), {@code ALEPHANT_ANALYTICS_BASE_URL}, {@code ALEPHANT_PAT},
 * {@code ALEPHANT_JWT}, {@code ALEPHANT_VIRTUAL_KEY}, {@code ALEPHANT_WORKSPACE_ID} (the PAT wins
 * when several are set, as in the official server), {@code ALEPHANT_TIMEOUT_SECONDS},
 * {@code ALEPHANT_MAX_RETRIES}, {@code TALLY_LOG_LEVEL}. Immutable and thread-safe.
 */
public final class Alephant {
    /** The SaaS and Cockpit host. */
    public static final String DEFAULT_BASE_URL = "https://alephant.io";
    /** The Analytics (collector) API host. */
    public static final String DEFAULT_ANALYTICS_BASE_URL = "https://analytics.alephant.io";
    /** The wait the official client assumes when a 429 carries no {@code Retry-After}. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);
    /** Business code: more than one of agentId, memberId, departmentId on a usage route. */
    public static final String CODE_CONFLICTING_SCOPE = "40020";
    /** Business code: {@code granularity=hour} with {@code success_rate} or {@code latency} (design doc). */
    public static final String CODE_HOURLY_METRIC = "40010";

    static final ProviderInfo PROVIDER = provider();

    private final ClientContext saas;
    private final ClientContext cockpit;
    private final ClientContext analyticsHost;
    private final CredentialType credentialType;
    private final @Nullable String workspaceId;

    private Alephant(ClientContext saas, ClientContext cockpit, ClientContext analyticsHost,
            CredentialType credentialType,
            @Nullable String workspaceId) {
        this.saas = saas;
        this.cockpit = cockpit;
        this.analyticsHost = analyticsHost;
        this.credentialType = credentialType;
        this.workspaceId = workspaceId;
    }

    private static ProviderInfo provider() {
        Map<Integer, Integer> failures = new HashMap<>();
        failures.put(40020, 400);
        failures.put(40010, 400);
        ResponseEnvelope envelope = ResponseEnvelope.codeMessageData(failures);
        return ProviderInfo.builder("Alephant")
                .userAgentToken("alephant")
                .mapper(TallyJson.mapper())
                .errorDecoder(new AlephantErrorDecoder())
                .envelope(envelope)
                .requestIdHeaders("x-request-id")
                .build();
    }

    /** A builder; with no base URL set, {@link #DEFAULT_BASE_URL} is used. */
    public static Builder builder() {
        return new Builder();
    }

    /** A client configured from the environment variables listed in the class documentation. */
    public static Alephant fromEnv() {
        return fromEnv(Environment.system());
    }

    /** A client configured from the given variables (see the class documentation). */
    public static Alephant fromEnv(Environment env) {
        return builder().fromEnv(env).build();
    }

    /**
     * How long to wait after {@code e}: its {@code Retry-After} when the server sent one, else
     * {@link #DEFAULT_RETRY_AFTER} for a 429 and zero for anything else.
     */
    public static Duration retryDelay(ApiException e) {
        Objects.requireNonNull(e, "e");
        if (e.retryAfter().isPresent()) {
            return e.retryAfter().get();
        }
        return e instanceof RateLimitException || e.statusCode() == 429 ? DEFAULT_RETRY_AFTER : Duration.ZERO;
    }

    /** The kind of credential this client carries. */
    public CredentialType credentialType() {
        return credentialType;
    }

    /** The workspace id sent as {@code X-Workspace-Id}, or {@code null}. */
    public @Nullable String workspaceId() {
        return workspaceId;
    }

    /** A client for another workspace (same PAT or JWT); shares this client's connection pool. */
    public Alephant withWorkspace(String workspaceId) {
        return new Alephant(saas, cockpit, analyticsHost, credentialType, checkWorkspace(workspaceId));
    }

    /**
     * A client that authenticates with a PAT in {@code workspaceId}; shares this client's pool and base URLs.
     *
     * @throws IllegalArgumentException when either is blank
     */
    public Alephant withPat(String pat, String workspaceId) {
        return withCredential(Credentials.bearer("pat", pat), CredentialType.PAT, checkWorkspace(workspaceId));
    }

    /** A client that authenticates with a user JWT in {@code workspaceId}; shares this client's pool and base URLs. */
    public Alephant withJwt(String jwt, String workspaceId) {
        return withCredential(Credentials.bearer("jwt", jwt), CredentialType.JWT, checkWorkspace(workspaceId));
    }

    /**
     * A client that authenticates with a virtual key ({@code vk-…}, no workspace header); shares this client's
     * pool and base URLs.
     */
    public Alephant withVirtualKey(String virtualKey) {
        return withCredential(virtualKeyCredentials(virtualKey), CredentialType.VIRTUAL_KEY, null);
    }

    private Alephant withCredential(Credentials credentials, CredentialType type, @Nullable String workspace) {
        return new Alephant(saas.withCredentials(credentials), cockpit.withCredentials(credentials),
                analyticsHost.withCredentials(credentials), type, workspace);
    }

    static Credentials virtualKeyCredentials(String virtualKey) {
        if (virtualKey == null || !virtualKey.trim().startsWith("vk-")) {
            throw new IllegalArgumentException("virtualKey must be an Alephant virtual key starting with vk-, got "
                    + (virtualKey == null ? "null" : "a value without that prefix"));
        }
        return Credentials.apiKey("virtualKey", "Authorization", "Bearer " + virtualKey.trim());
    }

    /** A client with changed options (timeouts, retries, logging…); base URLs are kept. */
    public Alephant withOptions(UnaryOperator<ClientOptions.Builder> change) {
        ClientOptions changed = change.apply(saas.options().toBuilder()).build();
        ClientOptions analyticsChanged = changed.toBuilder().baseUrl(analyticsBaseUrl().toString()).build();
        return new Alephant(saas.withOptions(changed), cockpit.withOptions(changed),
                analyticsHost.withOptions(analyticsChanged),
                credentialType, workspaceId);
    }

    /** The options of the SaaS side (credentials shown redacted by {@code toString()}). */
    public ClientOptions options() {
        return saas.options();
    }

    /** The Analytics API's base URL. */
    public HttpUrl analyticsBaseUrl() {
        return java.util.Objects.requireNonNull(analyticsHost.options().baseUrl(), "baseUrl"); // a built client has one
    }

    ClientContext context(AlephantRequest.Host host) {
        switch (host) {
            case COCKPIT:
                return cockpit;
            case ANALYTICS:
                return analyticsHost;
            default:
                return saas;
        }
    }

    // ---- surfaces -------------------------------------------------------------------------------

    /** Workspaces (JWT only): list and stats. */
    public Workspaces workspaces() {
        return new Workspaces(this);
    }

    /** Members, agents, departments, master keys, models and logs of the workspace. */
    public Directory directory() {
        return new Directory(this);
    }

    /** Virtual keys: list, create, update the budget, revoke. */
    public VirtualKeys virtualKeys() {
        return new VirtualKeys(this);
    }

    /** Personal access tokens (JWT only). */
    public Pats pats() {
        return new Pats(this);
    }

    /** The SaaS dashboard analytics ({@code /api/v1/analytics/…}). */
    public Analytics analytics() {
        return new Analytics(this);
    }

    /** Subscription and the budget-control policy. */
    public Billing billing() {
        return new Billing(this);
    }

    /** The Cockpit API: one virtual key's scope, usage, costs, budget and recent requests. */
    public Cockpit cockpit() {
        return new Cockpit(this);
    }

    /** The Analytics (collector) API on its own host ({@code /v1/analytics/…}). */
    public Collector collector() {
        return new Collector(this);
    }

    /**
     * Requests to routes this SDK does not model (e.g. the Analytics API's master-key breakdown, whose
     * path is unpublished), on the SaaS host, with this client's credentials, retries and error
     * mapping. Note that the workspace header is not added: pass it with {@code header(...)}.
     */
    public RawRequests raw() {
        return new RawRequests(saas);
    }

    @Override
    public String toString() {
        return "Alephant[" + saas.options().baseUrl() + ", " + analyticsHost.options().baseUrl() + ", " + credentialType
                + (workspaceId == null ? "" : ", workspace " + workspaceId) + "]";
    }

    static String checkWorkspace(String workspaceId) {
        if (workspaceId == null || workspaceId.trim().isEmpty()) {
            throw new IllegalArgumentException("workspaceId must be the workspace's id (a UUID), got "
                    + (workspaceId == null ? "null" : "a blank value"));
        }
        return workspaceId.trim();
    }

    /**
     * Builder for {@link Alephant}. One credential: {@link #pat}, {@link #jwt} (both need
     * {@link #workspaceId} for workspace routes) or {@link #virtualKey}.
     */
    public static final class Builder extends ClientBuilder<Builder, Alephant> {
        private String analyticsBaseUrl = DEFAULT_ANALYTICS_BASE_URL;
        private boolean baseUrlSet;
        private CredentialType type = CredentialType.NONE;
        private Credentials credential = Credentials.none();
        private @Nullable String workspaceId;

        private Builder() {
            super("Alephant", "ALEPHANT", DEFAULT_BASE_URL);
        }

        /** The SaaS and Cockpit host, default {@value Alephant#DEFAULT_BASE_URL} (legacy: {@code https://api.alephant.ai}). */
        @Override
        public Builder baseUrl(String baseUrl) {
            baseUrlSet = true;
            return super.baseUrl(baseUrl);
        }

        /** The Analytics (collector) API host, default {@value Alephant#DEFAULT_ANALYTICS_BASE_URL}. */
        public Builder analyticsBaseUrl(String analyticsBaseUrl) {
            ClientOptions.builder().baseUrl(analyticsBaseUrl); // validates now, with a clear message
            this.analyticsBaseUrl = analyticsBaseUrl;
            return this;
        }

        /** A personal access token ({@code pat_…}); set {@link #workspaceId} too. */
        public Builder pat(String pat) {
            credential = Credentials.bearer("pat", pat);
            type = CredentialType.PAT;
            return this;
        }

        /** A user JWT (the dashboard's session); set {@link #workspaceId} too. */
        public Builder jwt(String jwt) {
            credential = Credentials.bearer("jwt", jwt);
            type = CredentialType.JWT;
            return this;
        }

        /** A virtual key ({@code vk-…}); no workspace header is sent with it. */
        public Builder virtualKey(String virtualKey) {
            credential = virtualKeyCredentials(virtualKey);
            type = CredentialType.VIRTUAL_KEY;
            return this;
        }

        /** The workspace sent as {@code X-Workspace-Id} with a PAT or JWT. */
        public Builder workspaceId(String workspaceId) {
            this.workspaceId = checkWorkspace(workspaceId);
            return this;
        }

        /**
         * Reads {@code ALEPHANT_API_BASE_URL}, {@code ALEPHANT_ANALYTICS_BASE_URL}, then the credentials:
         * {@code ALEPHANT_PAT} wins, then {@code ALEPHANT_JWT}, then {@code ALEPHANT_VIRTUAL_KEY};
         * {@code ALEPHANT_WORKSPACE_ID}.
         */
        @Override
        protected void readEnvironment(Environment env) {
            if (!env.get("ALEPHANT_BASE_URL").isPresent()) {
                env.get("ALEPHANT_API_BASE_URL")
                        .ifPresent(v -> fromVariable("ALEPHANT_API_BASE_URL", () -> baseUrl(v)));
            }
            env.get("ALEPHANT_ANALYTICS_BASE_URL")
                    .ifPresent(v -> fromVariable("ALEPHANT_ANALYTICS_BASE_URL", () -> analyticsBaseUrl(v)));
            env.get("ALEPHANT_WORKSPACE_ID")
                    .ifPresent(v -> fromVariable("ALEPHANT_WORKSPACE_ID", () -> workspaceId(v)));
            if (env.get("ALEPHANT_PAT").isPresent()) {
                fromVariable("ALEPHANT_PAT", () -> pat(env.get("ALEPHANT_PAT").get()));
            } else if (env.get("ALEPHANT_JWT").isPresent()) {
                fromVariable("ALEPHANT_JWT", () -> jwt(env.get("ALEPHANT_JWT").get()));
            } else if (env.get("ALEPHANT_VIRTUAL_KEY").isPresent()) {
                fromVariable("ALEPHANT_VIRTUAL_KEY", () -> virtualKey(env.get("ALEPHANT_VIRTUAL_KEY").get()));
            }
        }

        @Override
        protected boolean hasDefaultBaseUrl() {
            return true;
        }

        /**
         * Builds the client.
         *
         * @throws IllegalArgumentException when a virtual key is combined with a workspace id (a
         *     virtual key carries its workspace)
         */
        @Override
        public Alephant build() {
            if (!baseUrlSet) {
                baseUrl(DEFAULT_BASE_URL);
            }
            if (type == CredentialType.VIRTUAL_KEY && workspaceId != null) {
                throw new IllegalArgumentException(
                        "workspaceId must not be set with a virtual key: Alephant resolves the "
                                + "workspace from the key (read it with cockpit().scope())");
            }
            credentials(credential);
            ClientOptions options = buildOptions();
            ClientOptions analyticsOptions = options.toBuilder().baseUrl(analyticsBaseUrl).build();
            ClientContext saas = ClientContext.create(PROVIDER, options);
            return new Alephant(saas, saas,
                    ClientContext.create(PROVIDER, analyticsOptions), type, workspaceId);
        }
    }

}
