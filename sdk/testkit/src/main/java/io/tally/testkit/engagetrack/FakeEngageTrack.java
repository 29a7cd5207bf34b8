package io.tally.testkit.engagetrack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.core.json.TallyJson;
import io.tally.testkit.server.ErrorBody;
import io.tally.testkit.server.Fault;
import io.tally.testkit.server.FakeExchange;
import io.tally.testkit.server.FakeServer;
import io.tally.testkit.server.PathRoutes;
import io.tally.testkit.server.RecordedExchange;
import io.tally.testkit.engagetrack.EngageTrackDemo.EventData;
import io.tally.testkit.engagetrack.EngageTrackDemo.SiteData;
import io.tally.testkit.engagetrack.EngageTrackDemo.VisitorData;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An in-process stand-in for the EngageTrack REST API ({@code /api/v1}), for tests and demos, on the testkit's
 * {@link FakeServer}.
 *
 * <pre>{@code
 * try (FakeEngageTrack fake = FakeEngageTrack.start()) {
 *     EngageTrack client = EngageTrack.builder().baseUrl(fake.baseUrl())
 *         .apiKey(EngageTrackDemo.API_KEY).organizationId(EngageTrackDemo.ORG_ID).build();
 *     client.analytics().channels(EngageTrackDemo.SHOP_SITE_ID).execute();
 * }
 * }</pre>
 *
 * <h2>Behaviour</h2>
 * <ul>
 *   <li>Every route EngageTrack documents with a path, over the {@link EngageTrackDemo demo data}: sites, stats,
 *       pages, enriched channels with revenue and currency, sources, referrers, campaigns, visitors (search,
 *       page/limit up to 100) and timelines, funnels (create, analyze), API keys (create, list, revoke), team
 *       invites, and ingestion ({@code POST /event}, {@code /identify}: {@code 202 ok}, recorded).</li>
 *   <li>Every JSON answer is {@code {"success":true,"data":…}}; every error {@code {"error":"…"}}.</li>
 *   <li>Auth: {@code Authorization: Bearer} with an API key or a session token. Unknown or revoked keys get 401
 *       {@code Invalid or expired API key}; a key of a Maker-plan organisation gets 402 {@code API key access
 *       requires a Startup plan or higher}; a key without the route's scope gets 403 {@code API key missing
 *       required scope: <scope>}; a key on a session-only route (site creation, key management) gets 403. Creating
 *       a key for a Maker-plan organisation gets 402.</li>
 *   <li>A per-key limiter (600 requests a minute by default, fixed one-minute windows on the fake's clock) sends
 *       {@code X-RateLimit-Limit/Remaining/Reset} (Unix seconds) on every key's answer and 429 {@code Rate limit
 *       exceeded. Retry after <RFC 3339>} once spent.</li>
 *   <li>Requests are recorded ({@link #requests()}), faults injected with {@link #failNext(Fault)}.</li>
 * </ul>
 * Thread-safe. {@link #close()} stops the server.
 */
public final class FakeEngageTrack implements AutoCloseable {
    /** The prefix of every route, as in EngageTrack's base URL. */
    public static final String PREFIX = "/api/v1";
    private static final ObjectMapper JSON = TallyJson.mapper();

    private interface Route {
        void handle(Call call) throws IOException;
    }

    private static final class RouteSpec {
        final Route route;
        final @Nullable String scope;
        final boolean sessionOnly;
        final boolean open;

        RouteSpec(Route route, @Nullable String scope, boolean sessionOnly, boolean open) {
            this.route = route;
            this.scope = scope;
            this.sessionOnly = sessionOnly;
            this.open = open;
        }
    }

    /** An API key the fake knows. */
    private static final class Key {
        final String id;
        final String name;
        final String orgId;
        final Set<String> scopes;
        final Instant createdAt;
        final @Nullable String expiresAt;
        volatile boolean revoked;

        Key(String id, String name, String orgId, Set<String> scopes, Instant createdAt, @Nullable String expiresAt) {
            this.id = id;
            this.name = name;
            this.orgId = orgId;
            this.scopes = scopes;
            this.createdAt = createdAt;
            this.expiresAt = expiresAt;
        }
    }

    private final Clock clock;
    private final int perMinute;
    private final FakeServer server;
    private final PathRoutes<RouteSpec> routes = new PathRoutes<>();
    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private final Set<String> makerOrgs = ConcurrentHashMap.newKeySet();
    private final Map<String, long[]> windows = new HashMap<>();
    /** The demo sites, generated on first use (start stays quick); see {@link #sites()}. */
    private volatile @Nullable List<SiteData> sites;
    private final Instant demoNow;
    private final long seed;
    private final Map<String, List<ObjectNode>> funnels = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final List<JsonNode> identifies = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);

    /** The demo sites: generated on the first request that needs them, from the start time and the seed. */
    private List<SiteData> sites() {
        List<SiteData> s = sites;
        if (s == null) {
            synchronized (this) {
                s = sites;
                if (s == null) {
                    s = EngageTrackDemo.generate(demoNow, seed);
                    sites = s;
                }
            }
        }
        return s;
    }

    private FakeEngageTrack(Builder b) {
        this.clock = b.clock;
        this.perMinute = b.perMinute;
        this.demoNow = clock.instant();
        this.seed = b.seed;
        Instant now = clock.instant();
        keys.put(EngageTrackDemo.API_KEY, new Key("key-demo-all", "Demo (all scopes)", EngageTrackDemo.ORG_ID,
                new LinkedHashSet<>(EngageTrackDemo.ALL_SCOPES), now, null));
        keys.put(EngageTrackDemo.REPORTING_API_KEY, new Key("key-demo-reporting", "Reporting", EngageTrackDemo.ORG_ID,
                new LinkedHashSet<>(List.of("analytics:read", "sites:read")), now, null));
        keys.put(EngageTrackDemo.MAKER_API_KEY, new Key("key-maker", "Maker", EngageTrackDemo.MAKER_ORG_ID,
                new LinkedHashSet<>(EngageTrackDemo.ALL_SCOPES), now, null));
        for (Map.Entry<String, List<String>> k : b.extraKeys.entrySet()) {
            keys.put(k.getKey(), new Key("key-" + ids.incrementAndGet(), "Test key", EngageTrackDemo.ORG_ID,
                    new LinkedHashSet<>(k.getValue()), now, null));
        }
        sessions.put(EngageTrackDemo.SESSION_TOKEN, EngageTrackDemo.ORG_ID);
        sessions.put(EngageTrackDemo.MAKER_SESSION_TOKEN, EngageTrackDemo.MAKER_ORG_ID);
        makerOrgs.add(EngageTrackDemo.MAKER_ORG_ID);
        funnels.put(EngageTrackDemo.SHOP_SITE_ID, new CopyOnWriteArrayList<>(List.of(
                funnel(EngageTrackDemo.CHECKOUT_FUNNEL_ID, "Checkout", step("Cart", "pageview", "/cart"),
                        step("Checkout", "pageview", "/checkout"), step("Purchase", "custom_event", "purchase")),
                funnel(EngageTrackDemo.SIGNUP_FUNNEL_ID, "Signup", step("Pricing", "pageview", "/pricing"),
                        step("Signup", "pageview", "/signup")))));
        defineRoutes();
        FakeServer.Builder sb = FakeServer.builder("fake-engagetrack").clock(clock).recordRequests(b.recordRequests)
                .port(b.port).errorBodies(status -> ErrorBody.json(error(reason(status))));
        this.server = sb.start(this::serve);
    }

    /** Starts a fake with the demo data on a free loopback port. */
    public static FakeEngageTrack start() {
        return builder().start();
    }

    /** A builder for a fake. */
    public static Builder builder() {
        return new Builder();
    }

    /** The base URL to give the client, {@code /api/v1} included. */
    public String baseUrl() {
        return server.baseUrl() + PREFIX;
    }

    /** The {@link FakeServer} underneath: request log, fault queue, port. */
    public FakeServer server() {
        return server;
    }

    /** The requests received, oldest first (the newest the log keeps). */
    public List<RecordedExchange> requests() {
        return server.requests();
    }

    /** The last request received, or {@code null}. */
    public @Nullable RecordedExchange lastRequest() {
        return server.lastRequest();
    }

    /** The next request gets this fault instead of its answer. */
    public FakeEngageTrack failNext(Fault fault) {
        server.failNext(fault);
        return this;
    }

    /** The next {@code count} requests get this fault. */
    public FakeEngageTrack failNext(int count, Fault fault) {
        server.failNext(count, fault);
        return this;
    }

    /** The bodies accepted by {@code POST /event}, oldest first. */
    public List<JsonNode> events() {
        return Collections.unmodifiableList(new ArrayList<>(events));
    }

    /** The bodies accepted by {@code POST /identify}, oldest first. */
    public List<JsonNode> identifies() {
        return Collections.unmodifiableList(new ArrayList<>(identifies));
    }

    /** Adds an API key of the demo organisation with these scopes (e.g. {@code analytics:read}). */
    public FakeEngageTrack addApiKey(String key, String... scopes) {
        keys.put(key, new Key("key-" + ids.incrementAndGet(), "Test key", EngageTrackDemo.ORG_ID,
                new LinkedHashSet<>(List.of(scopes)), clock.instant(), null));
        return this;
    }

    /** Forgets recorded requests, ingested records, rate-limit windows and pending faults. */
    public void reset() {
        server.clearRequests();
        server.clearFaults();
        events.clear();
        identifies.clear();
        synchronized (windows) {
            windows.clear();
        }
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "FakeEngageTrack[" + baseUrl() + "]";
    }

    // ---- serving --------------------------------------------------------------------------------

    private final class Call {
        final FakeExchange fx;
        final Map<String, String> params;
        final Map<String, String> query;
        final @Nullable String orgId;
        final boolean session;

        Call(FakeExchange fx, Map<String, String> params, Map<String, String> query, @Nullable String orgId,
                boolean session) {
            this.fx = fx;
            this.params = params;
            this.query = query;
            this.orgId = orgId;
            this.session = session;
        }

        /** The organisation of an authenticated call (every route but the open ones has one). */
        String org() {
            return Objects.requireNonNull(orgId, "orgId");
        }

        SiteData site() throws HttpError {
            if (!EngageTrackDemo.ORG_ID.equals(params.get("orgId"))) {
                throw new HttpError(404, "Site not found");
            }
            for (SiteData s : sites()) {
                if (s.id.equals(params.get("siteId"))) {
                    return s;
                }
            }
            throw new HttpError(404, "Site not found");
        }

        JsonNode body() throws HttpError {
            JsonNode n = fx.body().length == 0 ? null
                    : TallyJson.readTreeOrNull(new String(fx.body(), StandardCharsets.UTF_8));
            if (n == null || !n.isObject()) {
                throw new HttpError(400, "Invalid JSON body");
            }
            return n;
        }

        void ok(int status, JsonNode data) throws IOException {
            ObjectNode env = JSON.createObjectNode();
            env.put("success", true);
            env.set("data", data);
            fx.respond(status, "application/json", JSON.writeValueAsBytes(env));
        }
    }

    private static final class HttpError extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        HttpError(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        /** The message given to the constructor, which requires one. */
        @Override
        public String getMessage() {
            return Objects.requireNonNull(super.getMessage(), "message");
        }
    }

    private void serve(FakeExchange fx) throws IOException {
        String path = fx.path();
        if (!path.startsWith(PREFIX + "/")) {
            fx.respond(404, ErrorBody.json(error("Not found")));
            return;
        }
        String route = path.substring(PREFIX.length());
        PathRoutes.Match<RouteSpec> match = routes.find(fx.method(), route);
        if (match == null) {
            fx.respond(routes.matchesPath(route) ? 405 : 404, ErrorBody.json(error(routes.matchesPath(route)
                    ? "Method not allowed" : "Not found")));
            return;
        }
        RouteSpec spec = match.value();
        Map<String, String> query = parseQuery(fx.rawQuery());
        try {
            if (spec.open) {
                spec.route.handle(new Call(fx, match.params(), query, null, false));
                return;
            }
            String auth = fx.requestHeaders().getFirst("Authorization");
            String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).trim() : null;
            String sessionOrg = token == null ? null : sessions.get(token);
            if (sessionOrg != null) {
                checkOrg(sessionOrg, match.params());
                spec.route.handle(new Call(fx, match.params(), query, sessionOrg, true));
                return;
            }
            Key key = token == null ? null : keys.get(token);
            if (token == null || key == null || key.revoked) {
                throw new HttpError(401, "Invalid or expired API key");
            }
            if (!rateLimit(fx, token)) {
                return;
            }
            if (makerOrgs.contains(key.orgId)) {
                throw new HttpError(402, "API key access requires a Startup plan or higher");
            }
            if (spec.sessionOnly) {
                throw new HttpError(403, "This endpoint requires a user session; API keys are not accepted");
            }
            if (spec.scope != null && !key.scopes.contains(spec.scope)) {
                throw new HttpError(403, "API key missing required scope: " + spec.scope);
            }
            checkOrg(key.orgId, match.params());
            spec.route.handle(new Call(fx, match.params(), query, key.orgId, false));
        } catch (HttpError e) {
            fx.respond(e.status, ErrorBody.json(error(e.getMessage())));
        }
    }

    private static void checkOrg(String orgId, Map<String, String> params) throws HttpError {
        String asked = params.get("orgId");
        if (asked != null && !asked.equals(orgId)) {
            throw new HttpError(403, "You do not have access to this organization");
        }
    }

    /** Counts the request in the key's window; answers 429 and returns false when it is spent. */
    private boolean rateLimit(FakeExchange fx, String key) throws IOException {
        long nowSeconds = clock.instant().getEpochSecond();
        long windowStart = nowSeconds - Math.floorMod(nowSeconds, 60);
        long used;
        synchronized (windows) {
            long[] w = windows.computeIfAbsent(key, k -> new long[] {windowStart, 0});
            if (w[0] != windowStart) {
                w[0] = windowStart;
                w[1] = 0;
            }
            used = ++w[1];
        }
        long reset = windowStart + 60;
        com.sun.net.httpserver.Headers out = fx.http().getResponseHeaders();
        out.set("X-RateLimit-Limit", Integer.toString(perMinute));
        out.set("X-RateLimit-Remaining", Long.toString(Math.max(0, perMinute - used)));
        out.set("X-RateLimit-Reset", Long.toString(reset));
        if (used > perMinute) {
            fx.respond(429, ErrorBody.json(error("Rate limit exceeded. Retry after " + Instant.ofEpochSecond(reset))));
            return false;
        }
        return true;
    }

    private void defineRoutes() {
        String org = "/organizations/{orgId}";
        String site = org + "/sites/{siteId}";
        add("GET", org + "/sites", "sites:read", false, this::listSites);
        add("GET", site, "sites:read", false, c -> c.ok(200, siteJson(orFail(c::site))));
        add("POST", org + "/sites", null, true, this::createSite);
        add("GET", site + "/analytics/stats", "analytics:read", false, this::stats);
        add("GET", site + "/analytics/pages", "analytics:read", false, c -> breakdown(c, "pages", "page", e -> e.path));
        add("GET", site + "/analytics/channels/enriched", "analytics:read", false, this::channels);
        add("GET", site + "/analytics/sources", "analytics:read", false,
                c -> breakdown(c, "sources", "source", e -> e.source));
        add("GET", site + "/analytics/referrers", "analytics:read", false,
                c -> breakdown(c, "referrers", "referrer", e -> e.referrer));
        add("GET", site + "/analytics/campaigns", "analytics:read", false,
                c -> breakdown(c, "campaigns", "campaign", e -> e.campaign));
        add("GET", site + "/visitors", "visitors:read", false, this::visitors);
        add("GET", site + "/visitors/{visitorId}/timeline", "visitors:read", false, this::timeline);
        add("POST", site + "/funnels", "funnels:write", false, this::createFunnel);
        add("GET", site + "/funnels/{funnelId}/analyze", "funnels:read", false, this::analyze);
        add("POST", org + "/api-keys", null, true, this::createKey);
        add("GET", org + "/api-keys", null, true, this::listKeys);
        add("DELETE", org + "/api-keys/{keyId}", null, true, this::revokeKey);
        add("POST", org + "/team/invites", null, false, this::invite);
        add("POST", "/event", null, false, true, this::ingestEvent);
        add("POST", "/identify", null, false, true, this::ingestIdentify);
    }

    private void add(String method, String template, @Nullable String scope, boolean sessionOnly, Route route) {
        add(method, template, scope, sessionOnly, false, route);
    }

    private void add(String method, String template, @Nullable String scope, boolean sessionOnly, boolean open,
            Route route) {
        routes.add(method, template, new RouteSpec(c -> {
            try {
                route.handle(c);
            } catch (HttpErrorUnchecked e) {
                c.fx.respond(e.error.status, ErrorBody.json(error(e.error.getMessage())));
            }
        }, scope, sessionOnly, open));
    }

    /** Carries an {@link HttpError} through the {@link Route} interface, which may only throw IOException. */
    private static final class HttpErrorUnchecked extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient HttpError error;

        HttpErrorUnchecked(HttpError error) {
            super(error.getMessage(), null, false, false);
            this.error = error;
        }
    }

    private interface Checked<T> {
        T get() throws HttpError;
    }

    private static <T> T orFail(Checked<T> supplier) {
        try {
            return supplier.get();
        } catch (HttpError e) {
            throw new HttpErrorUnchecked(e);
        }
    }

    // ---- handlers -------------------------------------------------------------------------------

    private void listSites(Call c) throws IOException {
        ObjectNode data = JSON.createObjectNode();
        ArrayNode list = data.putArray("sites");
        if (EngageTrackDemo.ORG_ID.equals(c.orgId)) {
            for (SiteData s : sites()) {
                list.add(siteJson(s));
            }
        }
        c.ok(200, data);
    }

    private static ObjectNode siteJson(SiteData s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", s.id).put("name", s.name).put("domain", s.domain).put("public_id", s.publicId).put("timezone",
                s.timezone);
        return n;
    }

    private void createSite(Call c) throws IOException {
        JsonNode body = orFail(c::body);
        String domain = body.path("domain").asText("");
        if (domain.isEmpty()) {
            throw new HttpErrorUnchecked(new HttpError(400, "domain is required"));
        }
        ObjectNode n = JSON.createObjectNode();
        long id = ids.incrementAndGet();
        n.put("id", "site-" + id).put("name", body.path("name").asText(domain)).put("domain", domain)
                .put("public_id", "pk_live_new" + id).put("timezone", body.path("timezone").asText("UTC"));
        c.ok(201, n);
    }

    /** The events of a site inside the query's period. */
    private List<EventData> eventsIn(SiteData site, Map<String, String> q) {
        Instant[] w = window(q);
        List<EventData> out = new ArrayList<>();
        synchronized (site.visitors) {
            for (VisitorData v : site.visitors) {
                for (EventData e : v.events) {
                    if (!e.at.isBefore(w[0]) && e.at.isBefore(w[1])) {
                        out.add(e);
                    }
                }
            }
        }
        return out;
    }

    /** [from, to) of the query's period, by the fake's clock (UTC days). */
    private Instant[] window(Map<String, String> q) {
        String period = q.getOrDefault("period", "30d");
        LocalDate base = q.containsKey("date") ? parseDate(q.get("date"), "date")
                : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Instant end = EngageTrackDemo.startOf(base.plusDays(1));
        switch (period) {
            case "day":
                return new Instant[] {EngageTrackDemo.startOf(base), end};
            case "7d":
                return new Instant[] {EngageTrackDemo.startOf(base.minusDays(6)), end};
            case "30d":
                return new Instant[] {EngageTrackDemo.startOf(base.minusDays(29)), end};
            case "month":
                return new Instant[] {EngageTrackDemo.startOf(base.withDayOfMonth(1)), end};
            case "12mo":
                return new Instant[] {EngageTrackDemo.startOf(base.minusMonths(12).plusDays(1)), end};
            case "custom":
                if (!q.containsKey("from") || !q.containsKey("to")) {
                    throw new HttpErrorUnchecked(new HttpError(400, "from and to are required with period=custom"));
                }
                LocalDate from = parseDate(q.get("from"), "from");
                LocalDate to = parseDate(q.get("to"), "to");
                if (to.isBefore(from)) {
                    throw new HttpErrorUnchecked(new HttpError(400, "to must not be before from"));
                }
                return new Instant[] {EngageTrackDemo.startOf(from), EngageTrackDemo.startOf(to.plusDays(1))};
            default:
                throw new HttpErrorUnchecked(
                        new HttpError(400, "Invalid period: use day, 7d, 30d, month, 12mo or custom"));
        }
    }

    private static LocalDate parseDate(String s, String name) {
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            throw new HttpErrorUnchecked(new HttpError(400, "Invalid " + name + ": expected YYYY-MM-DD"));
        }
    }

    private static int limit(Map<String, String> q, int dflt, int max) {
        String v = q.get("limit");
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 1 || n > max) {
                throw new HttpErrorUnchecked(new HttpError(400, "limit must be between 1 and " + max));
            }
            return n;
        } catch (NumberFormatException e) {
            throw new HttpErrorUnchecked(new HttpError(400, "limit must be a number"));
        }
    }

    private void stats(Call c) throws IOException {
        SiteData site = orFail(c::site);
        List<EventData> in = eventsIn(site, c.query);
        Set<String> visitors = new LinkedHashSet<>();
        Map<String, Integer> sessions = new HashMap<>();
        long pageviews = 0;
        double revenue = 0;
        synchronized (site.visitors) {
            for (VisitorData v : site.visitors) {
                for (EventData e : v.events) {
                    if (in.contains(e)) {
                        visitors.add(v.id);
                    }
                }
            }
        }
        for (EventData e : in) {
            if (e.type.equals("pageview")) {
                pageviews++;
                sessions.merge(e.sessionId, 1, Integer::sum);
            }
            revenue += e.revenue;
        }
        long bounces = sessions.values().stream().filter(n -> n == 1).count();
        ObjectNode n = JSON.createObjectNode();
        n.put("visitors", visitors.size()).put("pageviews", pageviews).put("sessions", sessions.size())
                .put("bounce_rate", sessions.isEmpty() ? 0 : Math.round(1000.0 * bounces / sessions.size()) / 10.0)
                .put("revenue", Math.round(revenue * 100) / 100.0).put("currency", "USD");
        c.ok(200, n);
    }

    private void breakdown(Call c, String container, String label,
            java.util.function.Function<EventData, @Nullable String> key)
            throws IOException {
        SiteData site = orFail(c::site);
        int limit = limit(c.query, 10, 1000);
        Map<String, Set<String>> visitors = new HashMap<>();
        Map<String, Long> views = new HashMap<>();
        Map<String, Double> revenue = new HashMap<>();
        for (EventData e : eventsIn(site, c.query)) {
            String k = key.apply(e);
            if (k == null) {
                continue;
            }
            visitors.computeIfAbsent(k, x -> new LinkedHashSet<>())
                    .add(e.sessionId.substring(0, e.sessionId.lastIndexOf("-s")));
            if (e.type.equals("pageview")) {
                views.merge(k, 1L, Long::sum);
            }
            revenue.merge(k, e.revenue, Double::sum);
        }
        List<String> order = new ArrayList<>(visitors.keySet());
        order.sort(Comparator.<String>comparingInt(k -> visitors.getOrDefault(k, Set.of()).size()).reversed()
                .thenComparing(k -> k));
        ObjectNode data = JSON.createObjectNode();
        ArrayNode rows = data.putArray(container);
        for (String k : order.subList(0, Math.min(limit, order.size()))) {
            rows.addObject().put(label, k).put("visitors", visitors.getOrDefault(k, Set.of()).size())
                    .put("pageviews", views.getOrDefault(k, 0L))
                    .put("revenue", Math.round(revenue.getOrDefault(k, 0.0) * 100) / 100.0);
        }
        c.ok(200, data);
    }

    private void channels(Call c) throws IOException {
        SiteData site = orFail(c::site);
        int limit = limit(c.query, 10, 1000);
        Map<String, Set<String>> visitors = new HashMap<>();
        Map<String, Double> revenue = new HashMap<>();
        Map<String, Map<String, Set<String>>> sources = new HashMap<>();
        for (EventData e : eventsIn(site, c.query)) {
            String visitor = e.sessionId.substring(0, e.sessionId.lastIndexOf("-s"));
            visitors.computeIfAbsent(e.channel, x -> new LinkedHashSet<>()).add(visitor);
            revenue.merge(e.channel, e.revenue, Double::sum);
            sources.computeIfAbsent(e.channel, x -> new HashMap<>())
                    .computeIfAbsent(e.source, x -> new LinkedHashSet<>()).add(visitor);
        }
        List<String> order = new ArrayList<>(visitors.keySet());
        order.sort(Comparator.<String>comparingInt(k -> visitors.getOrDefault(k, Set.of()).size()).reversed()
                .thenComparing(k -> k));
        ObjectNode data = JSON.createObjectNode();
        ArrayNode list = data.putArray("channels");
        for (String ch : order.subList(0, Math.min(limit, order.size()))) {
            ObjectNode o = list.addObject();
            int total = visitors.getOrDefault(ch, Set.of()).size();
            o.put("channel", ch).put("visitors", total).put("total_revenue",
                    Math.round(revenue.getOrDefault(ch, 0.0) * 100) / 100.0);
            ArrayNode top = o.putArray("top_sources");
            sources.getOrDefault(ch, Map.of()).entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, Set<String>>>comparingInt(x -> x.getValue().size()).reversed()
                            .thenComparing(Map.Entry::getKey))
                    .limit(3)
                    .forEach(s -> top.addObject().put("source", s.getKey()).put("visitors", s.getValue().size())
                            .put("percent", Math.round(1000.0 * s.getValue().size() / total) / 10.0));
        }
        data.put("currency", "USD");
        c.ok(200, data);
    }

    private static int page(Map<String, String> q) {
        try {
            int p = Integer.parseInt(q.getOrDefault("page", "1"));
            if (p < 1) {
                throw new HttpErrorUnchecked(new HttpError(400, "page must be 1 or more"));
            }
            return p;
        } catch (NumberFormatException e) {
            throw new HttpErrorUnchecked(new HttpError(400, "page must be a number"));
        }
    }

    private void visitors(Call c) throws IOException {
        SiteData site = orFail(c::site);
        int page = page(c.query);
        int limit = limit(c.query, 50, 100);
        String search = c.query.get("search");
        List<VisitorData> matching = new ArrayList<>();
        synchronized (site.visitors) {
            for (VisitorData v : site.visitors) {
                if (search == null || matches(v, search.toLowerCase(Locale.ROOT))) {
                    matching.add(v);
                }
            }
        }
        matching.sort(Comparator.comparing((VisitorData v) -> lastSeen(v)).reversed().thenComparing(v -> v.id));
        ObjectNode data = JSON.createObjectNode();
        ArrayNode list = data.putArray("visitors");
        int from = Math.min((page - 1) * limit, matching.size());
        for (VisitorData v : matching.subList(from, Math.min(from + limit, matching.size()))) {
            list.add(visitorJson(v));
        }
        data.put("total", matching.size()).put("page", page).put("limit", limit);
        c.ok(200, data);
    }

    private static boolean matches(VisitorData v, String s) {
        return contains(v.email, s) || contains(v.name, s) || contains(v.uid, s) || contains(v.externalId, s);
    }

    private static boolean contains(@Nullable String field, String s) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(s);
    }

    private static Instant lastSeen(VisitorData v) {
        return v.events.isEmpty() ? Instant.EPOCH : v.events.get(v.events.size() - 1).at;
    }

    private static ObjectNode visitorJson(VisitorData v) {
        ObjectNode n = JSON.createObjectNode();
        double revenue = 0;
        long pageviews = 0;
        long goals = 0;
        Set<String> sessions = new LinkedHashSet<>();
        for (EventData e : v.events) {
            revenue += e.revenue;
            pageviews += e.type.equals("pageview") ? 1 : 0;
            goals += e.type.equals("purchase") ? 1 : 0;
            sessions.add(e.sessionId);
        }
        n.put("id", v.id).put("uid", v.uid).put("email", v.email).put("name", v.name)
                .put("avatar_url", v.email == null ? null : "https://avatars.example.com/" + v.id + ".png")
                .put("external_id", v.externalId)
                .put("first_seen_at", v.events.isEmpty() ? null : v.events.get(0).at.toString())
                .put("last_seen_at", v.events.isEmpty() ? null : lastSeen(v).toString())
                .put("total_sessions", sessions.size()).put("total_pageviews", pageviews).put("total_goals", goals)
                .put("total_revenue", Math.round(revenue * 100) / 100.0).put("last_country", v.country)
                .put("last_browser", v.browser).put("last_os", v.os).put("last_device", v.device)
                .put("last_referrer_source", v.events.isEmpty() ? null : v.events.get(v.events.size() - 1).source);
        return n;
    }

    private void timeline(Call c) throws IOException {
        SiteData site = orFail(c::site);
        VisitorData visitor = null;
        synchronized (site.visitors) {
            for (VisitorData v : site.visitors) {
                if (v.id.equals(c.params.get("visitorId"))) {
                    visitor = v;
                }
            }
        }
        if (visitor == null) {
            throw new HttpErrorUnchecked(new HttpError(404, "Visitor not found"));
        }
        int page = page(c.query);
        int limit = limit(c.query, 50, 100);
        ObjectNode data = JSON.createObjectNode();
        data.set("visitor", visitorJson(visitor));
        ArrayNode list = data.putArray("timeline");
        List<EventData> events = visitor.events;
        int from = Math.min((page - 1) * limit, events.size());
        for (EventData e : events.subList(from, Math.min(from + limit, events.size()))) {
            ObjectNode o = list.addObject();
            o.put("id", e.id).put("session_id", e.sessionId).put("event_type", e.type).put("timestamp", e.at.toString())
                    .put("page_url", "https://" + site.domain + e.path).put("page_title", e.title)
                    .put("event_name", e.name)
                    .put("referrer_source", e.source);
            if (e.revenue > 0) {
                o.put("revenue", e.revenue).put("currency", "USD");
            }
            o.putObject("properties");
        }
        data.put("total", events.size()).put("page", page).put("limit", limit);
        c.ok(200, data);
    }

    private static ObjectNode step(String name, String type, String pattern) {
        ObjectNode s = JSON.createObjectNode();
        s.put("name", name).put("type", type).put("pattern", pattern).put("match_type",
                type.equals("pageview") ? "contains" : "exact");
        return s;
    }

    private static ObjectNode funnel(String id, String name, ObjectNode... steps) {
        ObjectNode f = JSON.createObjectNode();
        f.put("id", id).put("name", name);
        ArrayNode a = f.putArray("steps");
        int order = 1;
        for (ObjectNode s : steps) {
            s.put("id", id + "-step-" + order).put("order", order++);
            a.add(s);
        }
        return f;
    }

    private void createFunnel(Call c) throws IOException {
        SiteData site = orFail(c::site);
        JsonNode body = orFail(c::body);
        if (body.path("name").asText("").trim().isEmpty()) {
            throw new HttpErrorUnchecked(new HttpError(400, "name is required"));
        }
        JsonNode steps = body.path("steps");
        if (!steps.isArray() || steps.size() < 2) {
            throw new HttpErrorUnchecked(new HttpError(400, "A funnel needs at least 2 steps"));
        }
        List<ObjectNode> copies = new ArrayList<>();
        for (JsonNode s : steps) {
            if (s.path("pattern").asText("").isEmpty() || s.path("name").asText("").isEmpty()) {
                throw new HttpErrorUnchecked(new HttpError(400, "Every step needs a name and a pattern"));
            }
            copies.add(step(s.path("name").asText(), s.path("type").asText("pageview"), s.path("pattern").asText()));
            if (s.hasNonNull("match_type")) {
                copies.get(copies.size() - 1).put("match_type", s.get("match_type").asText());
            }
        }
        ObjectNode f = funnel("funnel-" + ids.incrementAndGet(), body.get("name").asText(),
                copies.toArray(new ObjectNode[0]));
        if (body.hasNonNull("description")) {
            f.put("description", body.get("description").asText());
        }
        funnels.computeIfAbsent(site.id, k -> new CopyOnWriteArrayList<>()).add(f);
        c.ok(201, f);
    }

    private void analyze(Call c) throws IOException {
        SiteData site = orFail(c::site);
        ObjectNode funnel = null;
        for (ObjectNode f : funnels.getOrDefault(site.id, List.of())) {
            if (f.path("id").asText().equals(c.params.get("funnelId"))) {
                funnel = f;
            }
        }
        if (funnel == null) {
            throw new HttpErrorUnchecked(new HttpError(404, "Funnel not found"));
        }
        List<EventData> in = eventsIn(site, c.query);
        Map<String, List<EventData>> byVisitor = new LinkedHashMap<>();
        for (EventData e : in) {
            byVisitor.computeIfAbsent(e.sessionId.substring(0, e.sessionId.lastIndexOf("-s")), k -> new ArrayList<>())
                    .add(e);
        }
        JsonNode steps = funnel.get("steps");
        long[] reached = new long[steps.size()];
        double[] revenue = new double[steps.size()];
        List<Map<String, Integer>> sources = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            sources.add(new HashMap<>());
        }
        for (List<EventData> events : byVisitor.values()) {
            int next = 0;
            double spent = 0;
            String source = events.get(0).source;
            for (EventData e : events) {
                spent += e.revenue;
                if (next < steps.size() && stepMatches(steps.get(next), e)) {
                    reached[next]++;
                    sources.get(next).merge(source, 1, Integer::sum);
                    next++;
                }
            }
            for (int i = 0; i < next; i++) {
                revenue[i] += spent;
            }
        }
        ObjectNode data = JSON.createObjectNode();
        ArrayNode out = data.putArray("steps");
        for (int i = 0; i < steps.size(); i++) {
            JsonNode s = steps.get(i);
            double previous = i == 0 ? reached[0] : reached[i - 1];
            ObjectNode o = out.addObject();
            o.put("step_id", s.path("id").asText()).put("name", s.path("name").asText()).put("order", i + 1)
                    .put("visitors", reached[i])
                    .put("dropoff_rate",
                            previous == 0 ? 0 : Math.round(1000.0 * (previous - reached[i]) / previous) / 10.0)
                    .put("conversion_rate", reached[0] == 0 ? 0 : Math.round(1000.0 * reached[i] / reached[0]) / 10.0)
                    .put("revenue", Math.round(revenue[i] * 100) / 100.0);
            ArrayNode top = o.putArray("top_sources");
            sources.get(i).entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                            .thenComparing(Map.Entry::getKey))
                    .limit(3).forEach(x -> top.addObject().put("source", x.getKey()).put("visitors", x.getValue()));
            o.putArray("top_countries");
        }
        c.ok(200, data);
    }

    private static boolean stepMatches(JsonNode step, EventData e) {
        boolean event = step.path("type").asText("pageview").equals("custom_event");
        String subject = event ? (e.type.equals("pageview") ? null : e.name)
                : (e.type.equals("pageview") ? e.path : null);
        if (subject == null) {
            return false;
        }
        String pattern = step.path("pattern").asText();
        switch (step.path("match_type").asText("contains")) {
            case "exact":
                return subject.equals(pattern);
            case "regex":
                try {
                    return Pattern.compile(pattern).matcher(subject).find();
                } catch (RuntimeException bad) {
                    return false;
                }
            default:
                return subject.contains(pattern);
        }
    }

    private void createKey(Call c) throws IOException {
        if (makerOrgs.contains(c.orgId)) {
            throw new HttpErrorUnchecked(new HttpError(402, "API key access requires a Startup plan or higher"));
        }
        JsonNode body = orFail(c::body);
        String name = body.path("name").asText("").trim();
        if (name.isEmpty() || !body.path("scopes").isArray() || body.path("scopes").size() == 0) {
            throw new HttpErrorUnchecked(new HttpError(400, "name and at least one scope are required"));
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (JsonNode s : body.get("scopes")) {
            if (!EngageTrackDemo.ALL_SCOPES.contains(s.asText())) {
                throw new HttpErrorUnchecked(new HttpError(400, "Unknown scope: " + s.asText()));
            }
            scopes.add(s.asText());
        }
        long n = ids.incrementAndGet();
        String secret = String.format("et_live_%032x", n * 0x9E3779B97F4A7C15L & Long.MAX_VALUE);
        Key key = new Key("key-" + n, name, c.org(), scopes, clock.instant(),
                body.hasNonNull("expires_at") ? body.get("expires_at").asText() : null);
        keys.put(secret, key);
        ObjectNode o = keyJson(key, secret);
        o.put("key", secret);
        c.ok(201, o);
    }

    private static ObjectNode keyJson(Key k, String secret) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", k.id).put("name", k.name).put("created_at", k.createdAt.toString()).put("expires_at", k.expiresAt)
                .put("preview", "…" + secret.substring(secret.length() - 4));
        ArrayNode s = o.putArray("scopes");
        k.scopes.forEach(s::add);
        return o;
    }

    private void listKeys(Call c) throws IOException {
        ArrayNode list = JSON.createArrayNode();
        keys.entrySet().stream().filter(e -> e.getValue().orgId.equals(c.orgId) && !e.getValue().revoked)
                .sorted(Comparator.comparing(e -> e.getValue().id))
                .forEach(e -> list.add(keyJson(e.getValue(), e.getKey())));
        c.ok(200, list);
    }

    private void revokeKey(Call c) throws IOException {
        for (Key k : keys.values()) {
            if (k.id.equals(c.params.get("keyId")) && k.orgId.equals(c.orgId) && !k.revoked) {
                k.revoked = true;
                c.ok(200, JSON.createObjectNode().put("revoked", true));
                return;
            }
        }
        throw new HttpErrorUnchecked(new HttpError(404, "API key not found"));
    }

    private void invite(Call c) throws IOException {
        JsonNode body = orFail(c::body);
        String email = body.path("email").asText("");
        String role = body.path("role").asText("");
        if (!email.contains("@") || !List.of("owner", "admin", "member", "viewer").contains(role)) {
            throw new HttpErrorUnchecked(
                    new HttpError(400, "email and a role (owner, admin, member, viewer) are required"));
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("id", "invite-" + ids.incrementAndGet()).put("email", email).put("role", role)
                .put("expires_at", clock.instant().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS).toString());
        if (body.has("site_ids")) {
            o.set("site_ids", body.get("site_ids"));
        }
        c.ok(201, o);
    }

    private SiteData byPublicId(JsonNode body) throws HttpError {
        String id = body.path("site_id").asText("");
        for (SiteData s : sites()) {
            if (s.publicId.equals(id)) {
                return s;
            }
        }
        throw new HttpError(400, "Invalid site_id");
    }

    private void ingestEvent(Call c) throws IOException {
        JsonNode body = orFail(c::body);
        orFail(() -> byPublicId(body));
        if (body.path("url").asText("").isEmpty()) {
            throw new HttpErrorUnchecked(new HttpError(400, "url is required"));
        }
        events.add(body);
        c.fx.respond(202, "text/plain; charset=utf-8", "ok".getBytes(StandardCharsets.UTF_8));
    }

    private void ingestIdentify(Call c) throws IOException {
        JsonNode body = orFail(c::body);
        SiteData site = orFail(() -> byPublicId(body));
        if (body.path("visitor_uid").asText("").isEmpty() || body.path("user_id").asText("").isEmpty()) {
            throw new HttpErrorUnchecked(new HttpError(400, "visitor_uid and user_id are required"));
        }
        identifies.add(body);
        synchronized (site.visitors) {
            for (VisitorData v : site.visitors) {
                if (v.uid.equals(body.get("visitor_uid").asText())) {
                    v.externalId = body.get("user_id").asText();
                    v.name = body.hasNonNull("name") ? body.get("name").asText() : v.name;
                    v.email = body.hasNonNull("email") ? body.get("email").asText() : v.email;
                }
            }
        }
        c.fx.respond(202, "text/plain; charset=utf-8", "ok".getBytes(StandardCharsets.UTF_8));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static Map<String, String> parseQuery(@Nullable String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), "UTF-8");
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), "UTF-8");
                q.putIfAbsent(name, value);
            } catch (IllegalArgumentException | java.io.UnsupportedEncodingException e) {
                // a malformed escape: skip the parameter, as lenient servers do
            }
        }
        return q;
    }

    private static String error(String message) {
        return JSON.createObjectNode().put("error", message).toString();
    }

    private static String reason(int status) {
        switch (status) {
            case 401:
                return "Invalid or expired API key";
            case 402:
                return "API key access requires a Startup plan or higher";
            case 403:
                return "API key missing required scope: analytics:read";
            case 429:
                return "Rate limit exceeded. Retry after 2026-03-14T12:01:00Z";
            default:
                return status >= 500 ? "Internal server error" : "Request failed";
        }
    }

    /** Builder for {@link FakeEngageTrack}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private int perMinute = 600;
        private long seed = 20_260_314L;
        private boolean recordRequests = true;
        private int port;
        private final Map<String, List<String>> extraKeys = new LinkedHashMap<>();

        private Builder() {}

        /** The clock for the demo data's month, periods and the rate limiter's windows; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = java.util.Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Requests a minute per API key; 600 (EngageTrack's analytics limit) by default.
         *
         * @throws IllegalArgumentException when below 1
         */
        public Builder rateLimitPerMinute(int perMinute) {
            if (perMinute < 1) {
                throw new IllegalArgumentException("rateLimitPerMinute must be 1 or more, got " + perMinute);
            }
            this.perMinute = perMinute;
            return this;
        }

        /** The seed of the demo data. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** An extra API key of the demo organisation with these scopes. */
        public Builder apiKey(String key, String... scopes) {
            extraKeys.put(java.util.Objects.requireNonNull(key, "key"), List.of(scopes));
            return this;
        }

        /** Whether to keep a log of requests (on by default; off for long-running demos). */
        public Builder recordRequests(boolean record) {
            this.recordRequests = record;
            return this;
        }

        /** The port; 0 (the default) for a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Starts the fake. */
        public FakeEngageTrack start() {
            return new FakeEngageTrack(this);
        }
    }
}
