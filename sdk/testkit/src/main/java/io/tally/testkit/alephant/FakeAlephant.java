package io.tally.testkit.alephant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.testkit.server.ErrorBody;
import io.tally.testkit.server.FakeExchange;
import io.tally.testkit.server.FakeServer;
import io.tally.testkit.server.Fault;
import io.tally.testkit.server.PathRoutes;
import io.tally.testkit.server.RecordedExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * An in-process Alephant for tests and demos, on the shared {@link FakeServer} base: the SaaS,
 * Cockpit and Analytics API routes of the reference (§5–§7) on one loopback server (use its URL as
 * both base URLs), serving the demo workspace of {@link AlephantDemo}.
 *
 * <ul>
 *   <li>Credentials as Alephant has them: a PAT or JWT with {@code X-Workspace-Id} (another workspace:
 *       403; missing: 400), a {@code vk-} key without it; PAT scopes {@code read} (every GET),
 *       {@code write} (virtual keys), {@code admin} (policies) enforced with 403
 *       {@code Insufficient permissions. Required scope: <scope>}; JWT-only routes answer a PAT with 401;
 *       Cockpit routes want a virtual key (401 otherwise); an unbound key's usage views are empty.</li>
 *   <li>{@code {code, message, data}} on analytics and Cockpit answers; business codes 40020 (more than
 *       one of agentId/memberId/departmentId) and 40010 (hourly success_rate/latency) with HTTP 400.</li>
 *   <li>{@link #conflictNextPolicyUpdates(int)}: the next budget-policy writes get 409, as after a
 *       concurrent update. Faults (429 with {@code Retry-After}, 5xx, dropped connections) and the
 *       recorded requests come from {@link FakeServer}.</li>
 * </ul>
 *
 * <p>Usage is generated deterministically for the 90 days up to the clock's today. Thread-safe.
 */
public final class FakeAlephant implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] MODELS = {"gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet"};
    /** The most virtual keys and PATs the fake keeps, so a long-running demo stays bounded. */
    public static final int MAX_CREATED = 1000;

    private final FakeServer server;
    private final Clock clock;
    private final Map<String, Set<String>> pats = new ConcurrentHashMap<>();
    private final Set<String> jwts = ConcurrentHashMap.newKeySet();
    private final Map<String, VKey> keys = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, ObjectNode> patRecords = Collections.synchronizedMap(new LinkedHashMap<>());
    /** The plain token of each PAT created through the API, by id, so that deleting it revokes it. */
    private final Map<String, String> patTokens = new ConcurrentHashMap<>();
    private final AtomicInteger policyConflicts = new AtomicInteger();
    private final PathRoutes<Route> routes = new PathRoutes<>();
    private volatile ObjectNode policy;
    private final List<Entity> departments = new ArrayList<>();
    private final List<Entity> members = new ArrayList<>();
    private final List<Entity> agents = new ArrayList<>();

    private FakeAlephant(Builder b) {
        this.clock = b.clock;
        pats.put(AlephantDemo.ADMIN_PAT, new HashSet<>(Arrays.asList("read", "write", "admin")));
        pats.put(AlephantDemo.READ_PAT, new HashSet<>(Collections.singletonList("read")));
        pats.putAll(b.pats);
        jwts.add(AlephantDemo.OWNER_JWT);
        jwts.addAll(b.jwts);
        seed();
        registerRoutes();
        FakeServer.Builder sb = FakeServer.builder("fake-alephant").clock(clock).recordRequests(b.recordRequests)
                .errorBodies(status -> ErrorBody.json(error(status, "HTTP " + status).toString()));
        if (b.port > 0) {
            sb.port(b.port);
        }
        this.server = sb.start(this::handle);
    }

    /** A builder; {@link Builder#start()} starts the fake. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a fake with the demo workspace and the system clock. */
    public static FakeAlephant start() {
        return builder().start();
    }

    /** The base URL, for both the SaaS and the Analytics base URLs of a client. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** The server underneath: recorded requests, faults. */
    public FakeServer server() {
        return server;
    }

    /** Makes the next request fail with {@code fault} (e.g. {@code Fault.rateLimited(Duration.ofSeconds(2))}). */
    public FakeAlephant failNext(Fault fault) {
        server.failNext(fault);
        return this;
    }

    /** The requests received, oldest first (bounded). */
    public List<RecordedExchange> requests() {
        return server.requests();
    }

    /** Adds a PAT with these scopes ({@code read}, {@code write}, {@code admin}). */
    public FakeAlephant addPat(String token, String... scopes) {
        pats.put(token, new HashSet<>(Arrays.asList(scopes)));
        return this;
    }

    /** The next {@code count} writes of the budget policy get 409 (a concurrent update came first). */
    public FakeAlephant conflictNextPolicyUpdates(int count) {
        policyConflicts.set(count);
        return this;
    }

    /** The current budget policy's {@code config}. */
    public JsonNode budgetPolicy() {
        return policy.deepCopy();
    }

    /** The virtual key with this id, as the list route shows it, or {@code null}. */
    public @Nullable JsonNode virtualKey(String id) {
        VKey k = keys.get(id);
        return k == null ? null : k.toJson();
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "FakeAlephant[" + server.baseUrl() + "]";
    }

    // ---- demo data ------------------------------------------------------------------------------

    private static final class Entity {
        final String id;
        final String name;
        final @Nullable String departmentId;
        final @Nullable String extra;

        Entity(String id, String name, @Nullable String departmentId, @Nullable String extra) {
            this.id = id;
            this.name = name;
            this.departmentId = departmentId;
            this.extra = extra;
        }
    }

    private static final class VKey {
        final String id;
        final String secret;
        final String label;
        final String masterKeyId;
        final @Nullable String boundType;
        final @Nullable String boundId;
        volatile long budgetCents;
        volatile int rateLimitRpm;
        volatile String status;
        volatile String budgetAction = "alert-only";

        VKey(String id, String secret, String label, String masterKeyId, long budgetCents, int rpm, String status,
                @Nullable String boundType, @Nullable String boundId) {
            this.id = id;
            this.secret = secret;
            this.label = label;
            this.masterKeyId = masterKeyId;
            this.budgetCents = budgetCents;
            this.rateLimitRpm = rpm;
            this.status = status;
            this.boundType = boundType;
            this.boundId = boundId;
        }

        ObjectNode toJson() {
            ObjectNode n = JSON.createObjectNode();
            n.put("id", id).put("label", label).put("masterKeyId", masterKeyId).put("budgetCents", budgetCents)
                    .put("rateLimitRpm", rateLimitRpm).put("status", status).put("budgetAction", budgetAction)
                    .put("createdAt", "2026-01-15T09:00:00Z");
            return n;
        }
    }

    private void seed() {
        departments.add(new Entity(AlephantDemo.DEPT_ENGINEERING, "Engineering", null, null));
        departments.add(new Entity(AlephantDemo.DEPT_SUPPORT, "Support", null, null));
        departments.add(new Entity(AlephantDemo.DEPT_MARKETING, "Marketing", null, null));
        members.add(new Entity(AlephantDemo.MEMBER_ADA, "Ada Lovelace", AlephantDemo.DEPT_ENGINEERING, "owner"));
        members.add(new Entity("a0000000-0000-4000-8000-000000000002", "Grace Hopper", AlephantDemo.DEPT_ENGINEERING,
                "admin"));
        members.add(new Entity("a0000000-0000-4000-8000-000000000003", "Alan Turing", AlephantDemo.DEPT_ENGINEERING,
                "member"));
        members.add(new Entity("a0000000-0000-4000-8000-000000000004", "Katherine Johnson", AlephantDemo.DEPT_SUPPORT,
                "member"));
        members.add(new Entity("a0000000-0000-4000-8000-000000000005", "Edsger Dijkstra", AlephantDemo.DEPT_MARKETING,
                "viewer"));
        members.add(new Entity("a0000000-0000-4000-8000-000000000006", "Barbara Liskov", AlephantDemo.DEPT_MARKETING,
                "member"));
        agents.add(new Entity(AlephantDemo.AGENT_SUPPORT, "Support bot", AlephantDemo.DEPT_SUPPORT, "active"));
        agents.add(new Entity("b0000000-0000-4000-8000-000000000002", "Code reviewer", AlephantDemo.DEPT_ENGINEERING,
                "active"));
        agents.add(new Entity("b0000000-0000-4000-8000-000000000003", "Campaign writer", AlephantDemo.DEPT_MARKETING,
                "active"));
        agents.add(new Entity(AlephantDemo.AGENT_IDLE, "Retired summariser", AlephantDemo.DEPT_MARKETING, "active"));
        keys.put(AlephantDemo.KEY_AGENT,
                new VKey(AlephantDemo.KEY_AGENT, AlephantDemo.AGENT_VK, "support-bot", AlephantDemo.MASTER_OPENAI,
                        50000, 600, "active", "agent", AlephantDemo.AGENT_SUPPORT));
        keys.put(AlephantDemo.KEY_MEMBER,
                new VKey(AlephantDemo.KEY_MEMBER, AlephantDemo.MEMBER_VK, "ada-laptop", AlephantDemo.MASTER_ANTHROPIC,
                        20000, 120, "active", "member", AlephantDemo.MEMBER_ADA));
        keys.put(AlephantDemo.KEY_UNBOUND,
                new VKey(AlephantDemo.KEY_UNBOUND, AlephantDemo.UNBOUND_VK, "unused-ci", AlephantDemo.MASTER_OPENAI,
                        10000, 60, "active", null, null));
        keys.put(AlephantDemo.KEY_REVOKED,
                new VKey(AlephantDemo.KEY_REVOKED, "vk-demo-revoked", "old-prototype", AlephantDemo.MASTER_OPENAI,
                        5000, 60, "revoked", null, null));
        ObjectNode config = JSON.createObjectNode();
        config.put("amount", 2000).put("exceededAction", "alert-only").put("period", "monthly").put("currency", "USD");
        config.putArray("thresholds").add(50).add(75).add(90).add(100);
        policy = config;
        ObjectNode pat = JSON.createObjectNode();
        pat.put("id", "f0000000-0000-4000-8000-000000000001").put("name", "demo admin")
                .put("token_prefix", "pat_ws7d0c5a")
                .put("workspace_id", AlephantDemo.WORKSPACE_ID).putNull("last_used_at").putNull("expires_at")
                .put("created_at", "2026-01-01T00:00:00Z");
        pat.putArray("scopes").add("read").add("write").add("admin");
        patRecords.put(pat.get("id").asText(), pat);
    }

    /** Deterministic usage of one entity, one model, one day: requests, input and output tokens, cost in cents. */
    private static long[] usage(String entityId, int model, LocalDate day) {
        if (entityId.equals(AlephantDemo.AGENT_IDLE) && day.isAfter(LocalDate.of(2000, 1, 1))) {
            return new long[] {0, 0, 0, 0};
        }
        int h = Math.abs((entityId + model + day.toEpochDay()).hashCode());
        long requests = 5 + h % 40 + (day.getDayOfWeek().getValue() >= 6 ? 0 : 20);
        long input = requests * (300 + h % 200);
        long output = requests * (100 + h % 90);
        long perThousand = model == 0 ? 5 : model == 1 ? 1 : 3;
        long cents = Math.max(1, (input + output) * perThousand / 1000);
        return new long[] {requests, input, output, cents};
    }

    private List<Entity> usageEntities() {
        List<Entity> out = new ArrayList<>();
        out.addAll(agents);
        out.add(members.get(0));
        out.add(members.get(1));
        return out;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Totals over a window for entities accepted by {@code filter}: per day, per model, per entity. */
    private final class Totals {
        final TreeMap<LocalDate, long[]> byDay = new TreeMap<>();
        final Map<String, long[]> byModel = new TreeMap<>();
        final Map<String, long[]> byEntity = new LinkedHashMap<>();
        final Map<String, long[]> byDepartment = new LinkedHashMap<>();
        final long[] total = new long[4];

        Totals(LocalDate from, LocalDate to, java.util.function.Predicate<Entity> filter) {
            LocalDate earliest = today().minusDays(89);
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                byDay.put(d, new long[4]);
                if (d.isBefore(earliest) || d.isAfter(today())) {
                    continue;
                }
                for (Entity e : usageEntities()) {
                    if (!filter.test(e)) {
                        continue;
                    }
                    for (int m = 0; m < MODELS.length; m++) {
                        long[] u = usage(e.id, m, d);
                        add(byDay.get(d), u);
                        add(byModel.computeIfAbsent(MODELS[m], k -> new long[4]), u);
                        add(byEntity.computeIfAbsent(e.id, k -> new long[4]), u);
                        add(byDepartment.computeIfAbsent(e.departmentId, k -> new long[4]), u);
                        add(total, u);
                    }
                }
            }
        }
    }

    private static void add(long[] into, long[] u) {
        for (int i = 0; i < 4; i++) {
            into[i] += u[i];
        }
    }

    private static BigDecimal dollars(long cents) {
        return BigDecimal.valueOf(cents).divide(BigDecimal.valueOf(100), 2, RoundingMode.UNNECESSARY);
    }

    // ---- request handling -----------------------------------------------------------------------

    /** Who called. */
    private enum Caller {
        PAT, JWT, VK
    }

    /** One request, authenticated. */
    private final class Call {
        final FakeExchange exchange;
        final Map<String, String> params;
        final Map<String, String> query;
        @Nullable
        Caller caller;
        Set<String> scopes = Collections.emptySet();
        @Nullable
        VKey key;

        Call(FakeExchange exchange, Map<String, String> params) {
            this.exchange = exchange;
            this.params = params;
            this.query = parseQuery(exchange.rawQuery());
        }

        /** A path parameter: the route's template names it, so it is always there. */
        String param(String name) {
            return Objects.requireNonNull(params.get(name), name);
        }

        /** The virtual key that authenticated a {@code VK_ONLY} route's call. */
        VKey vkey() {
            return Objects.requireNonNull(key, "a virtual-key route was called without a virtual key");
        }

        @Nullable
        String q(String name) {
            String v = query.get(name);
            return v == null || v.isEmpty() ? null : v;
        }

        JsonNode body() {
            try {
                byte[] b = exchange.body();
                return b.length == 0 ? JSON.createObjectNode() : JSON.readTree(b);
            } catch (IOException e) {
                throw new Failure(400, 400, "request body is not valid JSON");
            }
        }
    }

    /** An error answer. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final int code;

        Failure(int status, int code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }

        /** The message given to the constructor, which requires one. */
        @Override
        public String getMessage() {
            return Objects.requireNonNull(super.getMessage(), "message");
        }
    }

    private enum Auth {
        WORKSPACE, JWT_ONLY, VK_ONLY, VK_OR_WORKSPACE, PUBLIC
    }

    @FunctionalInterface
    private interface Body {
        JsonNode answer(Call call);
    }

    private static final class Route {
        final Auth auth;
        final @Nullable String scope;
        final boolean envelope;
        final int status;
        final Body body;

        Route(Auth auth, @Nullable String scope, boolean envelope, int status, Body body) {
            this.auth = auth;
            this.scope = scope;
            this.envelope = envelope;
            this.status = status;
            this.body = body;
        }
    }

    private void handle(FakeExchange exchange) throws IOException {
        PathRoutes.Match<Route> match = routes.find(exchange.method(), exchange.path());
        if (match == null) {
            int status = routes.matchesPath(exchange.path()) ? 405 : 404;
            respond(exchange, status,
                    error(status, status == 404 ? "Not found: " + exchange.path() : "Method not allowed"));
            return;
        }
        Route route = match.value();
        Call call = new Call(exchange, match.params());
        try {
            authenticate(route, call);
            JsonNode data = route.body.answer(call);
            if (route.status == 204) {
                exchange.respond(204, null, new byte[0]);
                return;
            }
            JsonNode out = data;
            if (route.envelope) {
                ObjectNode env = JSON.createObjectNode();
                env.put("code", 0).put("message", "success").set("data", data);
                if (data.isObject() && data.has("degraded")) {
                    env.set("degraded", data.get("degraded"));
                    env.set("data_source", data.get("data_source"));
                }
                out = env;
            }
            respond(exchange, route.status, out);
        } catch (Failure f) {
            respond(exchange, f.status, error(f.code, f.getMessage()));
        }
    }

    private void authenticate(Route route, Call call) {
        if (route.auth == Auth.PUBLIC) {
            return;
        }
        String header = call.exchange.requestHeaders().getFirst("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
        if (token == null) {
            throw new Failure(401, 401, "Authentication required: send Authorization: Bearer <token>");
        }
        if (token.startsWith("vk-")) {
            VKey found = null;
            synchronized (keys) {
                for (VKey k : keys.values()) {
                    if (k.secret.equals(token)) {
                        found = k;
                    }
                }
            }
            if (found == null || "revoked".equals(found.status)) {
                throw new Failure(401, 401, "Authentication failed: invalid or revoked virtual key");
            }
            if (route.auth != Auth.VK_ONLY && route.auth != Auth.VK_OR_WORKSPACE) {
                throw new Failure(401, 401, "Authentication failed: a virtual key cannot call this route");
            }
            call.caller = Caller.VK;
            call.key = found;
            return;
        }
        if (pats.containsKey(token)) {
            call.caller = Caller.PAT;
            call.scopes = pats.get(token);
        } else if (jwts.contains(token)) {
            call.caller = Caller.JWT;
            call.scopes = new HashSet<>(Arrays.asList("read", "write", "admin"));
        } else {
            throw new Failure(401, 401, "Authentication failed");
        }
        if (route.auth == Auth.VK_ONLY) {
            throw new Failure(401, 401, "Authentication failed: cockpit routes need a virtual key");
        }
        if (route.auth == Auth.JWT_ONLY && call.caller != Caller.JWT) {
            throw new Failure(401, 401, "Authentication failed: this route accepts only a user session (JWT)");
        }
        String workspace = call.exchange.requestHeaders().getFirst("X-Workspace-Id");
        if (workspace == null || workspace.trim().isEmpty()) {
            throw new Failure(400, 400, "X-Workspace-Id header is required");
        }
        if (!workspace.trim().equals(AlephantDemo.WORKSPACE_ID)) {
            throw new Failure(403, 403, "Access denied: the credential is not bound to workspace " + workspace.trim());
        }
        if (route.scope != null && !call.scopes.contains(route.scope)
                && !(route.scope.equals("read") && (call.scopes.contains("write") || call.scopes.contains("admin")))
                && !(route.scope.equals("write") && call.scopes.contains("admin"))) {
            throw new Failure(403, 403, "Insufficient permissions. Required scope: " + route.scope);
        }
    }

    private static void respond(FakeExchange exchange, int status, JsonNode body) throws IOException {
        exchange.respond(status, "application/json", JSON.writeValueAsBytes(body));
    }

    private static ObjectNode error(int code, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("code", code).put("message", message).putNull("data");
        return n;
    }

    private static Map<String, String> parseQuery(@Nullable String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.put(URLDecoder.decode(k, "UTF-8"), URLDecoder.decode(v, "UTF-8"));
            } catch (java.io.UnsupportedEncodingException | IllegalArgumentException e) {
                throw new Failure(400, 400, "malformed query string");
            }
        }
        return out;
    }

    private void get(String path, Auth auth, boolean envelope, Body body) {
        routes.add("GET", path,
                new Route(auth, auth == Auth.PUBLIC || auth == Auth.VK_ONLY ? null : "read", envelope, 200, body));
    }

    private void registerRoutes() {
        // §5.1
        get("/api/v1/workspaces", Auth.JWT_ONLY, false, c -> {
            ObjectNode n = JSON.createObjectNode();
            n.putArray("workspaces").addObject().put("id", AlephantDemo.WORKSPACE_ID)
                    .put("name", AlephantDemo.WORKSPACE_NAME)
                    .put("role", "owner");
            return n;
        });
        get("/api/v1/workspaces/{id}/stats", Auth.JWT_ONLY, true, c -> {
            requireWorkspace(c.param("id"));
            return overview();
        });
        get("/api/v1/members", Auth.WORKSPACE, false, c -> page(c, "members", members, 100, e -> {
            ObjectNode n = JSON.createObjectNode();
            n.put("id", e.id).put("name", e.name)
                    .put("email", e.name.split(" ")[0].toLowerCase(Locale.ROOT) + "@demo.example")
                    .put("departmentId", e.departmentId).put("role", e.extra).put("status", "active")
                    .put("createdAt", "2026-01-02T10:00:00Z");
            return n;
        }));
        get("/api/v1/agents", Auth.WORKSPACE, false, c -> {
            String dept = c.q("departmentId");
            List<Entity> list = new ArrayList<>();
            for (Entity a : agents) {
                if (dept == null || dept.equals(a.departmentId)) {
                    list.add(a);
                }
            }
            return page(c, "agents", list, 50, e -> {
                ObjectNode n = JSON.createObjectNode();
                n.put("id", e.id).put("name", e.name).put("departmentId", e.departmentId).put("status", e.extra)
                        .put("createdAt", "2026-01-05T10:00:00Z");
                return n;
            });
        });
        get("/api/v1/agents/{id}/analytics", Auth.WORKSPACE, true,
                c -> entityAnalytics(c, find(agents, c.param("id"), "agent"), true));
        get("/api/v1/departments", Auth.WORKSPACE, false, c -> page(c, "departments", departments, 100, e -> {
            ObjectNode n = JSON.createObjectNode();
            int m = 0;
            int a = 0;
            for (Entity x : members) {
                m += e.id.equals(x.departmentId) ? 1 : 0;
            }
            for (Entity x : agents) {
                a += e.id.equals(x.departmentId) ? 1 : 0;
            }
            n.put("id", e.id).put("name", e.name).put("memberCount", m).put("agentCount", a);
            return n;
        }));
        get("/api/v1/departments/{id}/analytics", Auth.WORKSPACE, true, c -> {
            Entity d = find(departments, c.param("id"), "department");
            ObjectNode n = JSON.createObjectNode();
            n.put("departmentId", d.id).put("name", d.name).put("spend", 0).put("requests", 0).put("tokens", 0)
                    .put("note", "placeholder: the backend reports zeros for departments");
            return n;
        });
        get("/api/v1/master-keys", Auth.WORKSPACE, false, c -> {
            ArrayNode a = JSON.createArrayNode();
            a.addObject().put("id", AlephantDemo.MASTER_OPENAI).put("name", "OpenAI production").put("provider",
                    "openai");
            a.addObject().put("id", AlephantDemo.MASTER_ANTHROPIC).put("name", "Anthropic").put("provider",
                    "anthropic");
            ObjectNode n = JSON.createObjectNode();
            n.set("keys", a);
            return n;
        });
        get("/api/v1/virtual-keys", Auth.WORKSPACE, false, c -> {
            List<VKey> list;
            synchronized (keys) {
                list = new ArrayList<>(keys.values());
            }
            ArrayNode items = JSON.createArrayNode();
            Totals lifetime = new Totals(today().minusDays(89), today(), e -> true);
            for (VKey k : list) {
                ObjectNode n = k.toJson();
                long[] spent = k.boundId == null ? null : lifetime.byEntity.get(k.boundId);
                n.put("spentCents", spent == null ? 0 : spent[3] / 3);
                items.add(n);
            }
            return pageOf(c, "keys", items, 50);
        });
        routes.add("POST", "/api/v1/virtual-keys", new Route(Auth.WORKSPACE, "write", true, 201, c -> {
            JsonNode b = c.body();
            String label = b.path("label").asText("");
            if (label.isEmpty() || label.length() > 100) {
                throw new Failure(400, 400, "label must be 1-100 characters");
            }
            String master = b.path("masterKeyId").asText("");
            if (!master.equals(AlephantDemo.MASTER_OPENAI) && !master.equals(AlephantDemo.MASTER_ANTHROPIC)) {
                throw new Failure(404, 404, "Not found: master key " + master);
            }
            if (!b.path("budget").isNumber() || b.path("budget").asDouble() < 0) {
                throw new Failure(400, 400, "budget must be a number of US dollars, 0 or more");
            }
            int rpm = b.path("rateLimitRpm").asInt(0);
            if (rpm < 1 || rpm > 10000) {
                throw new Failure(400, 400, "rateLimitRpm must be between 1 and 10000");
            }
            if (keys.size() >= MAX_CREATED) {
                throw new Failure(409, 409,
                        "Conflict: the demo workspace holds at most " + MAX_CREATED + " virtual keys");
            }
            String id = UUID.randomUUID().toString();
            VKey k = new VKey(id, "vk-" + id.replace("-", ""), label, master,
                    b.path("budget").decimalValue().movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValue(),
                    rpm, "active", null, null);
            keys.put(id, k);
            ObjectNode n = k.toJson();
            n.put("key", k.secret);
            return n;
        }));
        routes.add("PATCH", "/api/v1/virtual-keys/{id}", new Route(Auth.WORKSPACE, "write", true, 200, c -> {
            VKey k = keys.get(c.param("id"));
            if (k == null) {
                throw new Failure(404, 404, "Not found: virtual key " + c.param("id"));
            }
            JsonNode b = c.body();
            if (b.has("budget")) {
                if (!b.path("budget").isNumber() || b.path("budget").asDouble() < 0) {
                    throw new Failure(400, 400, "budget must be a number of US dollars, 0 or more");
                }
                k.budgetCents = b.path("budget").decimalValue().movePointRight(2).setScale(0, RoundingMode.HALF_UP)
                        .longValue();
            }
            if (b.has("budgetAction")) {
                String action = b.path("budgetAction").asText();
                if (!action.equals("alert-only") && !action.equals("block")) {
                    throw new Failure(400, 400, "budgetAction must be alert-only or block");
                }
                k.budgetAction = action;
            }
            return k.toJson();
        }));
        routes.add("POST", "/api/v1/virtual-keys/{id}/revoke", new Route(Auth.WORKSPACE, "write", true, 200, c -> {
            VKey k = keys.get(c.param("id"));
            if (k == null) {
                throw new Failure(404, 404, "Not found: virtual key " + c.param("id"));
            }
            k.status = "revoked";
            return k.toJson();
        }));
        routes.add("GET", "/api/v1/models", new Route(Auth.VK_OR_WORKSPACE, null, false, 200, c -> {
            ArrayNode a = JSON.createArrayNode();
            a.addObject().put("id", "gpt-4o").put("provider", "openai").put("inputPerMillionUsd", 2.5)
                    .put("outputPerMillionUsd", 10);
            a.addObject().put("id", "gpt-4o-mini").put("provider", "openai").put("inputPerMillionUsd", 0.15)
                    .put("outputPerMillionUsd", 0.6);
            a.addObject().put("id", "claude-3-5-sonnet").put("provider", "anthropic").put("inputPerMillionUsd", 3)
                    .put("outputPerMillionUsd", 15);
            return a;
        }));
        get("/api/v1/logs", Auth.JWT_ONLY, false, c -> {
            ObjectNode n = JSON.createObjectNode();
            n.putArray("logs").addObject().put("id", "log-1").put("model", "gpt-4o").put("status", 200).put("latencyMs",
                    812);
            n.put("total", 1);
            return n;
        });
        // §5.2 PATs
        get("/api/v1/pats", Auth.JWT_ONLY, false, c -> {
            ArrayNode items = JSON.createArrayNode();
            synchronized (patRecords) {
                patRecords.values().forEach(items::add);
            }
            ObjectNode n = JSON.createObjectNode();
            n.set("data", items);
            n.putObject("pagination").put("total", items.size()).put("limit", intParam(c, "limit", 20, 1, 100))
                    .put("offset", intParam(c, "offset", 0, 0, Integer.MAX_VALUE));
            return n;
        });
        routes.add("POST", "/api/v1/pats", new Route(Auth.JWT_ONLY, null, false, 201, c -> {
            JsonNode b = c.body();
            if (b.path("name").asText("").isEmpty() || !b.path("scopes").isArray() || b.path("scopes").size() == 0) {
                throw new Failure(400, 400, "name and scopes are required");
            }
            if (patRecords.size() >= MAX_CREATED) {
                throw new Failure(409, 409, "Conflict: the demo workspace holds at most " + MAX_CREATED + " tokens");
            }
            String id = UUID.randomUUID().toString();
            String token = "pat_ws7d0c5a_" + id.replace("-", "");
            Set<String> scopes = new HashSet<>();
            ObjectNode rec = JSON.createObjectNode();
            rec.put("id", id).put("name", b.path("name").asText()).put("token_prefix", "pat_ws7d0c5a")
                    .put("workspace_id", AlephantDemo.WORKSPACE_ID).putNull("last_used_at")
                    .put("created_at", clock.instant().toString());
            ArrayNode s = rec.putArray("scopes");
            for (JsonNode scope : b.path("scopes")) {
                scopes.add(scope.asText());
                s.add(scope.asText());
            }
            if (b.hasNonNull("expires_at")) {
                rec.put("expires_at", b.path("expires_at").asText());
            } else {
                rec.putNull("expires_at");
            }
            patRecords.put(id, rec);
            patTokens.put(id, token);
            pats.put(token, scopes);
            ObjectNode out = rec.deepCopy();
            out.put("token", token).put("workspace_name", AlephantDemo.WORKSPACE_NAME);
            return out;
        }));
        get("/api/v1/pats/{id}", Auth.JWT_ONLY, false, c -> pat(c.param("id")));
        routes.add("PATCH", "/api/v1/pats/{id}", new Route(Auth.JWT_ONLY, null, false, 200, c -> {
            ObjectNode rec = pat(c.param("id"));
            JsonNode b = c.body();
            if (b.hasNonNull("name")) {
                rec.put("name", b.path("name").asText());
            }
            if (b.has("expires_at")) {
                rec.set("expires_at", b.get("expires_at"));
            }
            return rec;
        }));
        routes.add("DELETE", "/api/v1/pats/{id}", new Route(Auth.JWT_ONLY, null, false, 204, c -> {
            pat(c.param("id"));
            patRecords.remove(c.param("id"));
            String revoked = patTokens.remove(c.param("id"));
            if (revoked != null) {
                pats.remove(revoked);
            }
            return JSON.createObjectNode();
        }));
        // §5.3 analytics
        get("/api/v1/analytics/overview", Auth.WORKSPACE, true, c -> overview());
        get("/api/v1/analytics/usage", Auth.WORKSPACE, true, this::usageSeries);
        get("/api/v1/analytics/costs", Auth.WORKSPACE, true, this::costs);
        get("/api/v1/analytics/models", Auth.WORKSPACE, true, c -> models(c, false));
        get("/api/v1/analytics/budget-status", Auth.WORKSPACE, true, c -> {
            ObjectNode n = JSON.createObjectNode();
            n.put("status", "not_implemented").put("note", "placeholder implementation upstream");
            return n;
        });
        get("/api/v1/analytics/efficiency", Auth.WORKSPACE, true, c -> {
            ObjectNode n = JSON.createObjectNode();
            n.putNull("score").put("note", "placeholder implementation upstream");
            return n;
        });
        get("/api/v1/analytics/live-24h", Auth.WORKSPACE, true, this::live24h);
        get("/api/v1/analytics/usage/timeseries", Auth.WORKSPACE, true, this::timeseries);
        get("/api/v1/analytics/sparklines", Auth.WORKSPACE, true, this::sparklines);
        get("/api/v1/analytics/usage-history", Auth.WORKSPACE, true, c -> {
            ArrayNode months = JSON.createArrayNode();
            LocalDate first = today().minusDays(89).withDayOfMonth(1);
            for (LocalDate m = first; !m.isAfter(today()); m = m.plusMonths(1)) {
                LocalDate end = m.plusMonths(1).minusDays(1);
                Totals t = new Totals(m, end.isAfter(today()) ? today() : end, e -> true);
                months.addObject().put("month", m.toString().substring(0, 7)).put("requests", t.total[0])
                        .put("tokens", t.total[1] + t.total[2]).put("cost", dollars(t.total[3]));
            }
            ObjectNode n = JSON.createObjectNode();
            n.set("months", months);
            return n;
        });
        get("/api/v1/analytics/members/{memberId}/analytics", Auth.WORKSPACE, true,
                c -> entityAnalytics(c, find(members, c.param("memberId"), "member"), true));
        // §5.4
        get("/api/v1/subscriptions/current", Auth.WORKSPACE, true, c -> {
            LocalDate start = today().withDayOfMonth(1);
            ObjectNode n = JSON.createObjectNode();
            n.put("plan", "team").put("status", "active").put("billingCycleStart", start.toString())
                    .put("billingCycleEnd", start.plusMonths(1).minusDays(1).toString()).put("quotaCents", 500000)
                    .put("usedCents", new Totals(start, today(), e -> true).total[3]);
            return n;
        });
        get("/api/v1/subscriptions/log-usage", Auth.WORKSPACE, true, c -> {
            ObjectNode n = JSON.createObjectNode();
            n.put("requests", new Totals(today().withDayOfMonth(1), today(), e -> true).total[0]).put("limit", 1000000);
            return n;
        });
        get("/api/v1/policies/budget-control", Auth.WORKSPACE, true, c -> {
            ObjectNode n = JSON.createObjectNode();
            n.set("config", policy.deepCopy());
            return n;
        });
        routes.add("PUT", "/api/v1/policies/budget-control", new Route(Auth.WORKSPACE, "admin", true, 200, c -> {
            if (policyConflicts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new Failure(409, 409,
                        "Conflict: the budget policy was updated concurrently; read it again and retry");
            }
            JsonNode config = c.body().path("config");
            if (!config.isObject() || !config.path("amount").isNumber() || config.path("amount").asDouble() < 0) {
                throw new Failure(400, 400, "config.amount must be a number of US dollars, 0 or more");
            }
            String action = config.path("exceededAction").asText("");
            if (!action.equals("alert-only") && !action.equals("pause")) {
                throw new Failure(400, 400, "config.exceededAction must be alert-only or pause");
            }
            policy = (ObjectNode) config.deepCopy();
            ObjectNode n = JSON.createObjectNode();
            n.set("config", policy.deepCopy());
            return n;
        }));
        // §6 cockpit
        get("/api/v1/cockpit/scope", Auth.VK_ONLY, false, c -> {
            ObjectNode n = JSON.createObjectNode();
            n.putObject("workspace").put("id", AlephantDemo.WORKSPACE_ID).put("name", AlephantDemo.WORKSPACE_NAME);
            VKey key = c.vkey();
            n.putObject("virtual_key").put("id", key.id).put("label", key.label).put("status", key.status);
            if (key.boundId == null) {
                n.putNull("entity");
            } else {
                String type = Objects.requireNonNull(key.boundType, "boundType"); // bound keys have both
                Entity e = find(type.equals("agent") ? agents : members, key.boundId, type);
                Entity dept = find(departments, e.departmentId, "department");
                n.putObject("entity").put("id", e.id).put("name", e.name).put("type", type)
                        .put("department", dept.name).put("department_id", dept.id);
            }
            n.put("degraded", false).put("data_source", "collector");
            if (c.vkey().boundId == null) {
                n.put("message", "This key is not bound to an agent or member; usage views are empty.");
            } else {
                n.putNull("message");
            }
            return n;
        });
        get("/api/v1/cockpit/usage-summary", Auth.VK_ONLY, true, c -> {
            Totals t = keyTotals(c);
            ObjectNode n = JSON.createObjectNode();
            n.put("totalCostCents", t.total[3]).put("totalInputTokens", t.total[1]).put("totalOutputTokens", t.total[2])
                    .put("totalRequests", t.total[0]).put("period", cockpitPeriod(c));
            return degradedIfUnbound(c, n);
        });
        get("/api/v1/cockpit/daily-costs", Auth.VK_ONLY, true, c -> {
            Totals t = keyTotals(c);
            ArrayNode a = JSON.createArrayNode();
            if (c.vkey().boundId != null) {
                t.byDay.forEach(
                        (d, u) -> a.addObject().put("date", d.toString()).put("costCents", u[3]).put("requests", u[0]));
            }
            return a;
        });
        get("/api/v1/cockpit/cost-by-model", Auth.VK_ONLY, true, c -> {
            Totals t = keyTotals(c);
            ArrayNode a = JSON.createArrayNode();
            t.byModel.forEach((m, u) -> a.addObject().put("model", m).put("costCents", u[3]).put("inputTokens", u[1])
                    .put("outputTokens", u[2]).put("requests", u[0]));
            return a;
        });
        get("/api/v1/cockpit/budget-status", Auth.VK_ONLY, true, c -> {
            String period = c.q("period");
            if (period != null) {
                cockpitPeriod(c);
            }
            Totals t = new Totals(today().withDayOfMonth(1), today(), e -> e.id.equals(c.vkey().boundId));
            long spent = t.total[3];
            ObjectNode n = JSON.createObjectNode();
            n.put("budgetCents", c.vkey().budgetCents).put("spentCents", spent)
                    .put("remainingCents", Math.max(0, c.vkey().budgetCents - spent))
                    .put("percentUsed", c.vkey().budgetCents == 0 ? 0
                            : BigDecimal.valueOf(spent * 100)
                                    .divide(BigDecimal.valueOf(c.vkey().budgetCents), 1, RoundingMode.HALF_UP)
                                    .doubleValue())
                    .put("exceededAction", c.vkey().budgetAction)
                    .put("period", period == null ? "billing_cycle" : period);
            return degradedIfUnbound(c, n);
        });
        get("/api/v1/cockpit/recent-requests", Auth.VK_ONLY, true, c -> {
            intParam(c, "limit", 20, 1, 100);
            intParam(c, "offset", 0, 0, Integer.MAX_VALUE);
            ObjectNode n = JSON.createObjectNode();
            n.putArray("items");
            n.put("degraded", true).put("data_source", "unavailable");
            return n;
        });
        get("/api/v1/cockpit/health", Auth.PUBLIC, false, c -> {
            ObjectNode n = JSON.createObjectNode();
            n.put("status", "ok").put("collector", "reachable");
            return n;
        });
        // §7.1
        get("/v1/analytics/saas/overview", Auth.VK_OR_WORKSPACE, true, c -> {
            Totals t = new Totals(today().withDayOfMonth(1), today(), e -> true);
            ObjectNode n = JSON.createObjectNode();
            n.put("totalRequests", t.total[0]).put("totalCost", dollars(t.total[3])).put("totalTokens",
                    t.total[1] + t.total[2]);
            return n;
        });
        get("/v1/analytics/saas/usage", Auth.VK_OR_WORKSPACE, true, this::usageSeries);
        get("/v1/analytics/saas/costs", Auth.VK_OR_WORKSPACE, true, this::costs);
        get("/v1/analytics/saas/models", Auth.VK_OR_WORKSPACE, true, c -> models(c, true));
        get("/v1/analytics/saas/logs-stats", Auth.VK_OR_WORKSPACE, true, c -> {
            LocalDate[] w = window(c, "dateFrom", "dateTo", true);
            Totals t = new Totals(w[0], w[1], e -> true);
            ObjectNode n = JSON.createObjectNode();
            n.set("period", period(w));
            n.put("totalRequests", t.total[0]).put("totalCost", dollars(t.total[3])).put("totalTokens",
                    t.total[1] + t.total[2]);
            return n;
        });
        get("/v1/analytics/saas/sparklines", Auth.VK_OR_WORKSPACE, true, this::sparklines);
        get("/v1/analytics/saas/live-24h", Auth.VK_OR_WORKSPACE, true, this::live24h);
        get("/v1/analytics/saas/members/{id}/analytics", Auth.VK_OR_WORKSPACE, true,
                c -> entityAnalytics(c, find(members, c.param("id"), "member"), true));
        // §7.2
        get("/v1/analytics/usage-summary", Auth.VK_OR_WORKSPACE, true, c -> atomic(c, false));
        get("/v1/analytics/agents/cost-breakdown", Auth.VK_OR_WORKSPACE, true, c -> atomic(c, true));
        get("/v1/analytics/departments/cost-breakdown", Auth.VK_OR_WORKSPACE, true, c -> {
            LocalDate[] w = window(c, "dateFrom", "dateTo", false);
            Totals t = new Totals(w[0], w[1], e -> true);
            ArrayNode rows = JSON.createArrayNode();
            for (Entity d : departments) {
                long[] u = t.byDepartment.getOrDefault(d.id, new long[4]);
                rows.addObject().put("department_id", d.id).put("name", d.name)
                        .put("request_count", String.valueOf(u[0]))
                        .put("cost_sum", dollars(u[3]).toPlainString());
            }
            ObjectNode n = JSON.createObjectNode();
            n.set("rows", rows);
            return n;
        });
        get("/v1/analytics/members/cost-breakdown", Auth.VK_OR_WORKSPACE, true, c -> byEntity(c, members, "member_id"));
        get("/v1/analytics/by-member", Auth.VK_OR_WORKSPACE, true, c -> byEntity(c, members, "member_id"));
        get("/v1/analytics/by-agent", Auth.VK_OR_WORKSPACE, true, c -> byEntity(c, agents, "agent_id"));
        get("/v1/analytics/usage/timeseries", Auth.VK_OR_WORKSPACE, true, this::timeseries);
        routes.add("POST", "/v1/analytics/aggregate/ping", new Route(Auth.VK_OR_WORKSPACE, "read", true, 200, c -> {
            String g = c.body().path("granularity").asText("hour");
            if (!g.equals("hour") && !g.equals("day")) {
                throw new Failure(400, 400, "granularity must be hour or day");
            }
            long[] u = new Totals(today(), today(), e -> true).total;
            ObjectNode n = JSON.createObjectNode();
            n.put("granularity", g);
            n.putArray("rows").addObject().put("request_count", String.valueOf(u[0])).put("cost_sum",
                    dollars(u[3]).toPlainString());
            return n;
        }));
        get("/v1/analytics/health", Auth.PUBLIC, false, c -> {
            ObjectNode n = JSON.createObjectNode();
            n.put("status", "ok");
            return n;
        });
    }

    // ---- route bodies ---------------------------------------------------------------------------

    private static void requireWorkspace(String id) {
        if (!AlephantDemo.WORKSPACE_ID.equals(id)) {
            throw new Failure(404, 404, "Not found: workspace " + id);
        }
    }

    private ObjectNode pat(String id) {
        ObjectNode rec = patRecords.get(id);
        if (rec == null) {
            throw new Failure(404, 404, "Not found: personal access token " + id);
        }
        return rec;
    }

    private static Entity find(List<Entity> list, @Nullable String id, String what) {
        for (Entity e : list) {
            if (e.id.equals(id)) {
                return e;
            }
        }
        throw new Failure(404, 404, "Not found: " + what + " " + id);
    }

    private ObjectNode overview() {
        Totals t = new Totals(today().withDayOfMonth(1), today(), e -> true);
        ObjectNode n = JSON.createObjectNode();
        n.put("totalMembers", members.size()).put("totalAgents", agents.size()).put("totalVirtualKeys", keys.size())
                .put("totalDepartments", departments.size()).put("totalCostCents", t.total[3])
                .put("totalRequests", t.total[0]);
        return n;
    }

    private interface ItemJson {
        ObjectNode of(Entity e);
    }

    private ObjectNode page(Call c, String field, List<Entity> list, int defaultSize, ItemJson json) {
        ArrayNode all = JSON.createArrayNode();
        for (Entity e : list) {
            all.add(json.of(e));
        }
        return pageOf(c, field, all, defaultSize);
    }

    private ObjectNode pageOf(Call c, String field, ArrayNode all, int defaultSize) {
        int page = intParam(c, "page", 1, 1, Integer.MAX_VALUE);
        int size = intParam(c, "pageSize", defaultSize, 1, 200);
        ArrayNode items = JSON.createArrayNode();
        for (int i = (page - 1) * size; i < Math.min(all.size(), page * size); i++) {
            items.add(all.get(i));
        }
        ObjectNode n = JSON.createObjectNode();
        n.set(field, items);
        n.put("total", all.size()).put("page", page).put("pageSize", size);
        return n;
    }

    private static int intParam(Call c, String name, int def, int min, int max) {
        String v = c.q(name);
        if (v == null) {
            return def;
        }
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                throw new Failure(400, 400, name + " must be between " + min + " and " + max);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new Failure(400, 400, name + " must be an integer");
        }
    }

    private LocalDate[] window(Call c, String fromName, String toName, boolean required) {
        String from = c.q(fromName);
        String to = c.q(toName);
        if ((from == null) != (to == null)) {
            throw new Failure(400, 400, fromName + " and " + toName + " must be sent together");
        }
        if (from == null) {
            if (required) {
                throw new Failure(400, 400, fromName + " and " + toName + " are required");
            }
            return new LocalDate[] {today().withDayOfMonth(1), today()};
        }
        try {
            LocalDate a = LocalDate.parse(from);
            LocalDate b = LocalDate.parse(to);
            if (b.isBefore(a)) {
                throw new Failure(400, 400, fromName + " must not be after " + toName);
            }
            return new LocalDate[] {a, b};
        } catch (DateTimeParseException e) {
            throw new Failure(400, 400, fromName + " and " + toName + " must be YYYY-MM-DD");
        }
    }

    private static ObjectNode period(LocalDate[] w) {
        ObjectNode p = JSON.createObjectNode();
        p.put("dateFrom", w[0].toString()).put("dateTo", w[1].toString());
        return p;
    }

    private ObjectNode usageSeries(Call c) {
        List<String> scopes = new ArrayList<>();
        for (String s : new String[] {"agentId", "memberId", "departmentId"}) {
            if (c.q(s) != null) {
                scopes.add(s);
            }
        }
        if (scopes.size() > 1) {
            throw new Failure(400, 40020, "Only one of agentId, memberId, departmentId may be given");
        }
        LocalDate[] w = window(c, "dateFrom", "dateTo", false);
        String agent = c.q("agentId");
        String member = c.q("memberId");
        String dept = c.q("departmentId");
        Totals t = new Totals(w[0], w[1],
                e -> (agent == null || agent.equals(e.id)) && (member == null || member.equals(e.id))
                        && (dept == null || dept.equals(e.departmentId)));
        ObjectNode n = JSON.createObjectNode();
        n.set("period", period(w));
        ArrayNode series = n.putArray("series");
        t.byDay.forEach(
                (d, u) -> series.addObject().put("date", d.toString()).put("requests", u[0]).put("cost", dollars(u[3]))
                        .put("tokens", u[1] + u[2]));
        return n;
    }

    private ObjectNode costs(Call c) {
        LocalDate[] w = window(c, "dateFrom", "dateTo", false);
        String dept = c.q("departmentId");
        Totals t = new Totals(w[0], w[1], e -> dept == null || dept.equals(e.departmentId));
        ObjectNode n = JSON.createObjectNode();
        n.set("period", period(w));
        ArrayNode breakdown = n.putArray("breakdown");
        ArrayNode ag = breakdown.addObject().put("dimension", "agents").putArray("items");
        for (Entity a : agents) {
            long[] u = t.byEntity.get(a.id);
            if (u != null) {
                ag.addObject().put("id", a.id).put("name", a.name).put("cost", dollars(u[3])).put("requests", u[0]);
            }
        }
        ArrayNode de = breakdown.addObject().put("dimension", "departments").putArray("items");
        for (Entity d : departments) {
            long[] u = t.byDepartment.get(d.id);
            if (u != null) {
                de.addObject().put("id", d.id).put("name", d.name).put("cost", dollars(u[3])).put("requests", u[0]);
            }
        }
        ArrayNode mk = breakdown.addObject().put("dimension", "master_keys").putArray("items");
        long openai = t.byModel.getOrDefault(MODELS[0], new long[4])[3]
                + t.byModel.getOrDefault(MODELS[1], new long[4])[3];
        long anthropic = t.byModel.getOrDefault(MODELS[2], new long[4])[3];
        mk.addObject().put("id", AlephantDemo.MASTER_OPENAI).put("name", "OpenAI production").put("cost",
                dollars(openai));
        mk.addObject().put("id", AlephantDemo.MASTER_ANTHROPIC).put("name", "Anthropic").put("cost",
                dollars(anthropic));
        return n;
    }

    private ObjectNode models(Call c, boolean required) {
        LocalDate[] w = window(c, "dateFrom", "dateTo", required);
        String agent = c.q("agentId");
        String member = c.q("memberId");
        Totals t = new Totals(w[0], w[1],
                e -> (agent == null || agent.equals(e.id)) && (member == null || member.equals(e.id)));
        ObjectNode n = JSON.createObjectNode();
        n.set("period", period(w));
        ArrayNode models = n.putArray("models");
        t.byModel.forEach((m, u) -> models.addObject().put("model", m).put("requests", u[0]).put("cost", dollars(u[3]))
                .put("inputTokens", u[1]).put("outputTokens", u[2]).put("totalTokens", u[1] + u[2]));
        return n;
    }

    private ObjectNode live24h(Call c) {
        int limit = intParam(c, "limit", 5, 1, 10);
        Totals t = new Totals(today(), today(), e -> true);
        ObjectNode n = JSON.createObjectNode();
        ArrayNode models = n.putArray("topModels");
        t.byModel.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[3], a.getValue()[3])).limit(limit)
                .forEach(e -> models.addObject().put("model", e.getKey()).put("cost", dollars(e.getValue()[3]))
                        .put("requests", e.getValue()[0]));
        ArrayNode topKeys = n.putArray("topKeys");
        synchronized (keys) {
            keys.values().stream().filter(k -> k.boundId != null).limit(limit).forEach(k -> {
                long[] u = t.byEntity.getOrDefault(k.boundId, new long[4]);
                topKeys.addObject().put("keyId", k.id).put("label", k.label).put("cost", dollars(u[3] / 3))
                        .put("requests", u[0] / 3);
            });
        }
        n.putObject("summary").put("requests", t.total[0]).put("cost", dollars(t.total[3]))
                .put("tokens", t.total[1] + t.total[2])
                .put("successRate", 99.2).put("avgLatencyMs", 840);
        return n;
    }

    private ObjectNode timeseries(Call c) {
        String metric = c.q("metric");
        List<String> metrics = Arrays.asList("cost", "requests", "tokens", "avg_cost_per_req", "success_rate",
                "latency");
        if (metric == null || !metrics.contains(metric)) {
            throw new Failure(400, 400, "metric must be one of " + String.join(", ", metrics));
        }
        String granularity = c.q("granularity") == null ? "day" : c.q("granularity");
        if (!granularity.equals("day") && !granularity.equals("hour")) {
            throw new Failure(400, 400, "granularity must be day or hour");
        }
        if (granularity.equals("hour") && (metric.equals("success_rate") || metric.equals("latency"))) {
            throw new Failure(400, 40010, "granularity=hour is not supported for metric " + metric);
        }
        String preset = c.q("preset") == null ? "30d" : c.q("preset");
        int days;
        switch (preset) {
            case "7d":
                days = 7;
                break;
            case "30d":
                days = 30;
                break;
            case "3m":
                days = 90;
                break;
            case "6m":
                days = 180;
                break;
            case "12m":
                days = 365;
                break;
            default:
                throw new Failure(400, 400, "preset must be one of 7d, 30d, 3m, 6m, 12m");
        }
        Totals t = new Totals(today().minusDays(days - 1), today(), e -> true);
        ObjectNode n = JSON.createObjectNode();
        n.put("metric", metric).put("granularity", granularity).put("preset", preset);
        ArrayNode points = n.putArray("points");
        t.byDay.forEach((d, u) -> {
            ObjectNode p = points.addObject().put("date", d.toString());
            switch (metric) {
                case "cost":
                    p.put("value", dollars(u[3]));
                    break;
                case "requests":
                    p.put("value", u[0]);
                    break;
                case "tokens":
                    p.put("value", u[1] + u[2]);
                    break;
                case "avg_cost_per_req":
                    p.put("value", u[0] == 0 ? BigDecimal.ZERO
                            : dollars(u[3]).divide(BigDecimal.valueOf(u[0]), 4, RoundingMode.HALF_UP));
                    break;
                case "success_rate":
                    p.put("value", u[0] == 0 ? 100.0 : 99.0);
                    break;
                default:
                    p.put("value", u[0] == 0 ? 0 : 800 + u[0] % 100);
            }
        });
        return n;
    }

    private ObjectNode sparklines(Call c) {
        String requested = c.q("metrics") == null ? "all" : c.q("metrics");
        List<String> known = Arrays.asList("spend", "requests", "tokens", "success", "latency");
        List<String> wanted = requested.equals("all") ? known : Arrays.asList(requested.split(","));
        Totals t = new Totals(today().minusDays(6), today(), e -> true);
        ObjectNode n = JSON.createObjectNode();
        for (String m : wanted) {
            if (!known.contains(m)) {
                throw new Failure(400, 400, "unknown metric " + m + "; use " + String.join(", ", known) + " or all");
            }
            ArrayNode a = n.putArray(m);
            t.byDay.forEach((d, u) -> {
                switch (m) {
                    case "spend":
                        a.add(dollars(u[3]));
                        break;
                    case "requests":
                        a.add(u[0]);
                        break;
                    case "tokens":
                        a.add(u[1] + u[2]);
                        break;
                    case "success":
                        a.add(99.0);
                        break;
                    default:
                        a.add(800 + u[0] % 100);
                }
            });
        }
        n.put("period", "7d");
        return n;
    }

    private ObjectNode entityAnalytics(Call c, Entity e, boolean withSeries) {
        String days = c.q("days");
        int n = 30;
        if (days != null) {
            if (!days.equals("1") && !days.equals("7") && !days.equals("30")) {
                throw new Failure(400, 400, "days must be 1, 7 or 30");
            }
            n = Integer.parseInt(days);
        }
        Totals t = new Totals(today().minusDays(n - 1), today(), x -> x.id.equals(e.id));
        ObjectNode out = JSON.createObjectNode();
        out.put("id", e.id).put("name", e.name).put("days", n).put("totalCost", dollars(t.total[3]))
                .put("totalRequests", t.total[0])
                .put("totalTokens", t.total[1] + t.total[2]);
        if (withSeries) {
            ArrayNode s = out.putArray("series");
            t.byDay.forEach(
                    (d, u) -> s.addObject().put("date", d.toString()).put("cost", dollars(u[3])).put("requests", u[0])
                            .put("tokens", u[1] + u[2]));
        }
        return out;
    }

    private ObjectNode atomic(Call c, boolean breakdown) {
        String preset = c.q("preset");
        LocalDate start;
        LocalDate end;
        if (c.q("start") != null || c.q("end") != null) {
            LocalDate[] w = window(c, "start", "end", true);
            start = w[0];
            end = w[1];
            preset = null;
        } else {
            preset = preset == null ? "30d" : preset;
            end = today();
            switch (preset) {
                case "mtd":
                    start = today().withDayOfMonth(1);
                    break;
                case "7d":
                    start = today().minusDays(6);
                    break;
                case "30d":
                    start = today().minusDays(29);
                    break;
                case "3m":
                    start = today().minusMonths(3).plusDays(1);
                    break;
                case "6m":
                    start = today().minusMonths(6).plusDays(1);
                    break;
                case "12m":
                    start = today().minusMonths(12).plusDays(1);
                    break;
                default:
                    throw new Failure(400, 400, "preset must be one of mtd, 7d, 30d, 3m, 6m, 12m");
            }
        }
        long length = end.toEpochDay() - start.toEpochDay() + 1;
        LocalDate prevEnd = start.minusDays(1);
        LocalDate prevStart = prevEnd.minusDays(length - 1);
        Totals cur = new Totals(start, end, e -> true);
        Totals prev = new Totals(prevStart, prevEnd, e -> true);
        ObjectNode n = JSON.createObjectNode();
        if (preset != null) {
            n.put("preset", preset);
        } else {
            n.putNull("preset");
        }
        n.putObject("window").put("startDate", start.toString()).put("endDate", end.toString());
        n.putObject("previousWindow").put("startDate", prevStart.toString()).put("endDate", prevEnd.toString());
        ObjectNode current = rollup(cur.total);
        ObjectNode previous = rollup(prev.total);
        if (!breakdown) {
            n.set("current", current);
            n.set("previous", previous);
            return n;
        }
        int limit = intParam(c, "limit", 50, 1, 200);
        n.set("summary", current);
        ArrayNode rows = n.putArray("rows");
        for (Entity a : agents) {
            if (rows.size() >= limit) {
                break;
            }
            ObjectNode r = rollup(cur.byEntity.getOrDefault(a.id, new long[4]));
            r.put("agent_id", a.id).put("agent_name", a.name);
            r.put("previous_cost_sum", dollars(prev.byEntity.getOrDefault(a.id, new long[4])[3]).toPlainString());
            rows.add(r);
        }
        return n;
    }

    private static ObjectNode rollup(long[] u) {
        ObjectNode r = JSON.createObjectNode();
        r.put("request_count", String.valueOf(u[0])).put("cost_sum", dollars(u[3]).toPlainString())
                .put("input_tokens", String.valueOf(u[1])).put("output_tokens", String.valueOf(u[2]));
        return r;
    }

    private ObjectNode byEntity(Call c, List<Entity> list, String idField) {
        LocalDate[] w = window(c, "dateFrom", "dateTo", false);
        int limit = intParam(c, "limit", 100, 1, 500);
        Totals t = new Totals(w[0], w[1], e -> true);
        ArrayNode rows = JSON.createArrayNode();
        for (Entity e : list) {
            if (rows.size() >= limit) {
                break;
            }
            long[] u = t.byEntity.getOrDefault(e.id, new long[4]);
            ObjectNode r = rollup(u);
            r.put(idField, e.id).put("name", e.name);
            rows.add(r);
        }
        ObjectNode n = JSON.createObjectNode();
        n.set("rows", rows);
        return n;
    }

    private String cockpitPeriod(Call c) {
        String p = c.q("period") == null ? "billing_cycle" : c.q("period");
        if (!Arrays.asList("24h", "7d", "30d", "billing_cycle").contains(p)) {
            throw new Failure(400, 400, "period must be one of 24h, 7d, 30d, billing_cycle");
        }
        return p;
    }

    private Totals keyTotals(Call c) {
        String p = cockpitPeriod(c);
        LocalDate from;
        switch (p) {
            case "24h":
                from = today();
                break;
            case "7d":
                from = today().minusDays(6);
                break;
            case "30d":
                from = today().minusDays(29);
                break;
            default:
                from = today().withDayOfMonth(1);
        }
        String bound = c.vkey().boundId;
        return new Totals(from, today(), e -> bound != null && e.id.equals(bound));
    }

    private static ObjectNode degradedIfUnbound(Call c, ObjectNode n) {
        n.put("degraded", false).put("data_source", c.vkey().boundId == null ? "none" : "collector");
        return n;
    }

    /**
     * Builder for {@link FakeAlephant}: the demo credentials are always accepted; add more, pick the
     * clock (usage is generated up to its today) and the port.
     */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private final Map<String, Set<String>> pats = new LinkedHashMap<>();
        private final Set<String> jwts = new HashSet<>();
        private boolean recordRequests = true;
        private int port;

        private Builder() {}

        /** The clock whose today ends the demo usage. */
        public Builder clock(Clock clock) {
            this.clock = java.util.Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Accepts this PAT with these scopes. */
        public Builder pat(String token, String... scopes) {
            pats.put(token, new HashSet<>(Arrays.asList(scopes)));
            return this;
        }

        /** Accepts this user JWT (owner). */
        public Builder jwt(String token) {
            jwts.add(token);
            return this;
        }

        /** Whether to keep the requests received; off for long-running demos. */
        public Builder recordRequests(boolean record) {
            this.recordRequests = record;
            return this;
        }

        /** A fixed port; by default a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Starts the fake. */
        public FakeAlephant start() {
            return new FakeAlephant(this);
        }
    }
}
