package io.tally.testkit.alke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.core.json.TallyJson;
import io.tally.testkit.server.ErrorBody;
import io.tally.testkit.server.FakeExchange;
import io.tally.testkit.server.FakeServer;
import io.tally.testkit.server.Fault;
import io.tally.testkit.server.PathRoutes;
import io.tally.testkit.server.RecordedExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An in-process stand-in for Alke Analytics' reporting API, for tests and {@code --demo}: {@code POST /api/reports}
 * over the two {@link AlkeDemo} properties with {@value AlkeDemo#DAYS_OF_DATA} days of deterministic data (the days
 * before today by the fake's clock), on {@code 127.0.0.1}.
 *
 * <pre>{@code
 * try (FakeAlke fake = FakeAlke.start()) {
 *     Alke alke = Alke.builder().baseUrl(fake.baseUrl()).serviceAccountToken(AlkeDemo.TOKEN).build();
 *     AlkeReport report = alke.reports().run(…);
 * }
 * }</pre>
 *
 * <h2>Behaviour</h2>
 * Alke documents neither its response nor its error bodies; the fake's are <b>one plausible choice</b>, so code that
 * reads them should stay lenient.
 * <ul>
 *   <li><b>Auth first</b>: {@code Authorization: Bearer <token>} must carry a known token, else 401;
 *       {@link AlkeDemo#EXPIRED_TOKEN} (and tokens added with {@link Builder#expiredToken(String)}) get 401
 *       {@code Token expired}. A token reads only the properties it was given: others get 403.</li>
 *   <li>The body is a JSON object with {@code propertyId} (a UUID; unknown gets 404), {@code dateFrom} and
 *       {@code dateTo} ({@code YYYY-MM-DD}, both inclusive, the end not before the start), {@code metrics} (at
 *       least one of {@link AlkeDemo#METRICS}) and optional {@code dimensions} (of {@link AlkeDemo#DIMENSIONS});
 *       anything else wrong gets 400 naming the field. Other fields are ignored, except a positive integer
 *       {@code limit}, which caps the rows.</li>
 *   <li>Success is 200 {@code {"propertyId":…,"dateFrom":…,"dateTo":…,"metrics":[…],"dimensions":[…],
 *       "rows":[{"date":"2026-03-01","pageviews":120,…}],"totals":{…},"rowCount":N}}: one row per combination of
 *       dimension values with traffic, by date then by pageviews; {@code bounceRate} is a fraction,
 *       {@code avgVisitDuration} seconds.</li>
 *   <li>Errors are {@code {"statusCode":N,"error":"<reason>","message":"…"}}.</li>
 * </ul>
 *
 * <h2>Faults and records</h2>
 * {@link #failNext(Fault)} queues the testkit's faults (5xx, {@link #rateLimitNext(Duration) 429 with
 * Retry-After}, dropped connections, slow or truncated bodies), played before authentication. Requests are recorded
 * in the {@link FakeServer}'s bounded log ({@link #requests()}); {@link Builder#recordRequests(boolean)
 * recordRequests(false)} keeps none, for long-running demos.
 *
 * <p>Thread-safe. {@link #close()} stops the server. For JUnit 5 see {@link FakeAlkeExtension}.
 */
public final class FakeAlke implements AutoCloseable {
    private static final ObjectMapper JSON = TallyJson.mapper();
    private static final Map<String, List<Weighted>> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put("page", List.of(w("/", 35), w("/pricing", 20), w("/blog/launch", 18), w("/docs", 15),
                w("/checkout", 12)));
        VALUES.put("referrer", List.of(w("(direct)", 40), w("google.com", 30), w("duckduckgo.com", 12),
                w("news.ycombinator.com", 10), w("github.com", 8)));
        VALUES.put("country", List.of(w("FR", 30), w("DE", 25), w("US", 20), w("GB", 15), w("NL", 10)));
        VALUES.put("device", List.of(w("desktop", 55), w("mobile", 38), w("tablet", 7)));
        VALUES.put("browser", List.of(w("Chrome", 50), w("Firefox", 20), w("Safari", 20), w("Edge", 10)));
    }

    private final Map<UUID, String> properties;
    private final Map<String, Set<UUID>> tokens;
    private final Set<String> expiredTokens;
    private final Clock clock;
    private final FakeServer server;
    private final PathRoutes<String> routes = new PathRoutes<String>().add("POST", "/api/reports", "reports");

    private FakeAlke(Builder b) {
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
        Map<String, Set<UUID>> t = new LinkedHashMap<>();
        b.tokens.forEach((k, v) -> t.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
        this.tokens = Collections.unmodifiableMap(t);
        this.expiredTokens = Collections.unmodifiableSet(new LinkedHashSet<>(b.expiredTokens));
        this.clock = b.clock;
        FakeServer.Builder sb = FakeServer.builder("fake-alke").host(b.host).port(b.port).clock(b.clock)
                .recordRequests(b.recordRequests).errorBodies(FakeAlke::errorBody);
        if (b.requestLogCapacity > 0) {
            sb.requestLogCapacity(b.requestLogCapacity);
        }
        this.server = sb.start(this::handle);
    }

    /** Starts a fake with the demo properties and tokens on a free loopback port. */
    public static FakeAlke start() {
        return builder().start();
    }

    /** A builder starting from the demo properties and tokens. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>}, to pass as the client's base URL. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** The {@link FakeServer} underneath: request log, fault queue, counters. */
    public FakeServer server() {
        return server;
    }

    /** The properties the fake serves, id to name. */
    public Map<UUID, String> properties() {
        return properties;
    }

    /** The requests received, faulted ones included, oldest first (bounded; see {@link FakeServer}). */
    public List<RecordedExchange> requests() {
        return server.requests();
    }

    /** The body of the last request, as JSON; {@code null} when there was none or it was not JSON. */
    public @Nullable JsonNode lastRequestBody() {
        RecordedExchange last = server.lastRequest();
        return last == null ? null : TallyJson.readTreeOrNull(last.bodyAsString());
    }

    /** The next request plays {@code fault} (before authentication). */
    public FakeAlke failNext(Fault fault) {
        server.failNext(fault);
        return this;
    }

    /** The next {@code count} requests each play {@code fault}. */
    public FakeAlke failNext(int count, Fault fault) {
        server.failNext(count, fault);
        return this;
    }

    /** The next request gets 429 with {@code Retry-After} in whole seconds. */
    public FakeAlke rateLimitNext(Duration retryAfter) {
        server.failNext(Fault.rateLimited(retryAfter));
        return this;
    }

    /** Forgets recorded requests and queued faults. */
    public void reset() {
        server.clearRequests();
        server.clearFaults();
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "FakeAlke[" + baseUrl() + ", properties=" + properties.keySet() + "]";
    }

    static ErrorBody errorBody(int status) {
        return ErrorBody.json(errorJson(status, status == 429 ? "Too many requests, slow down"
                : status >= 500 ? "Internal server error" : "Request failed"));
    }

    private static String errorJson(int status, String message) {
        ObjectNode o = JSON.createObjectNode();
        o.put("statusCode", status);
        o.put("error", reason(status));
        o.put("message", message);
        return o.toString();
    }

    private static String reason(int status) {
        switch (status) {
            case 400:
                return "Bad Request";
            case 401:
                return "Unauthorized";
            case 403:
                return "Forbidden";
            case 404:
                return "Not Found";
            case 405:
                return "Method Not Allowed";
            case 429:
                return "Too Many Requests";
            default:
                return status >= 500 ? "Internal Server Error" : "Error";
        }
    }

    // ---- request handling --------------------------------------------------------------------------

    private void handle(FakeExchange exchange) throws IOException {
        int status;
        String body;
        try {
            body = answer(exchange);
            status = 200;
        } catch (Refusal r) {
            status = r.status;
            body = errorJson(r.status, r.getMessage());
        }
        exchange.respond(status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private String answer(FakeExchange exchange) {
        if (routes.find(exchange.method(), exchange.path()) == null) {
            throw routes.matchesPath(exchange.path()) ? new Refusal(405, "Use POST for /api/reports")
                    : new Refusal(404, "Cannot " + exchange.method() + " " + exchange.path());
        }
        String authorization = exchange.requestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new Refusal(401, "Missing bearer token");
        }
        String token = authorization.substring("Bearer ".length());
        if (expiredTokens.contains(token)) {
            throw new Refusal(401, "Token expired");
        }
        Set<UUID> allowed = tokens.get(token);
        if (allowed == null) {
            throw new Refusal(401, "Invalid token");
        }
        JsonNode root = TallyJson.readTreeOrNull(new String(exchange.body(), StandardCharsets.UTF_8));
        if (root == null || !root.isObject()) {
            throw new Refusal(400, "The body must be a JSON object");
        }
        UUID property = uuid(root.path("propertyId"));
        if (!properties.containsKey(property)) {
            throw new Refusal(404, "Property " + property + " not found");
        }
        if (!allowed.contains(property)) {
            throw new Refusal(403, "This token has no access to property " + property);
        }
        LocalDate from = date(root, "dateFrom");
        LocalDate to = date(root, "dateTo");
        if (to.isBefore(from)) {
            throw new Refusal(400, "dateTo must not be before dateFrom");
        }
        List<String> metrics = names(root, "metrics", AlkeDemo.METRICS, true);
        List<String> dimensions = names(root, "dimensions", AlkeDemo.DIMENSIONS, false);
        int limit = root.path("limit").canConvertToInt() && root.path("limit").asInt() > 0
                ? root.path("limit").asInt() : Integer.MAX_VALUE;
        return report(property, from, to, metrics, dimensions, limit).toString();
    }

    private static UUID uuid(JsonNode node) {
        if (!node.isTextual()) {
            throw new Refusal(400, "propertyId must be a UUID string");
        }
        try {
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "propertyId must be a UUID string");
        }
    }

    private static LocalDate date(JsonNode root, String field) {
        JsonNode node = root.path(field);
        if (!node.isTextual() || !node.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new Refusal(400, field + " must be a date in YYYY-MM-DD format");
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new Refusal(400, field + " must be a date in YYYY-MM-DD format");
        }
    }

    private static List<String> names(JsonNode root, String field, List<String> known, boolean required) {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) {
            if (required) {
                throw new Refusal(400, field + " must be a non-empty array");
            }
            return List.of();
        }
        if (!node.isArray() || (required && node.isEmpty())) {
            throw new Refusal(400, field + " must be a" + (required ? " non-empty" : "n") + " array of names");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isTextual() || !known.contains(n.asText())) {
                throw new Refusal(400, "Unknown " + field.substring(0, field.length() - 1) + " '" + n.asText()
                        + "'; known: " + String.join(", ", known));
            }
            if (!names.contains(n.asText())) {
                names.add(n.asText());
            }
        }
        return names;
    }

    // ---- demo data ---------------------------------------------------------------------------------

    private ObjectNode report(UUID property, LocalDate from, LocalDate to, List<String> metrics,
            List<String> dimensions, int limit) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(AlkeDemo.DAYS_OF_DATA);
        LocalDate last = today.minusDays(1);
        List<String> breakdown = new ArrayList<>(dimensions);
        breakdown.remove("date");
        Map<List<String>, long[]> sums = new LinkedHashMap<>();
        long[] total = new long[5];
        for (LocalDate day = from.isBefore(first) ? first : from; !day.isAfter(to)
                && !day.isAfter(last); day = day.plusDays(1)) {
            double daily = dailyPageviews(property, day);
            for (List<Weighted> combo : combinations(breakdown)) {
                double share = 1;
                List<String> key = new ArrayList<>();
                for (String d : dimensions) {
                    if (d.equals("date")) {
                        key.add(day.toString());
                    }
                }
                List<String> values = new ArrayList<>();
                for (Weighted v : combo) {
                    share *= v.weight / 100.0;
                    values.add(v.value);
                }
                long pageviews = Math.round(daily * share * noise(property + "|" + day + "|" + values, 0.1));
                if (pageviews == 0) {
                    continue;
                }
                key.addAll(values);
                long[] s = sums.computeIfAbsent(key, k -> new long[5]);
                add(s, pageviews, property, day, values);
                add(total, pageviews, property, day, values);
            }
        }
        List<Map.Entry<List<String>, long[]>> entries = new ArrayList<>(sums.entrySet());
        boolean byDate = dimensions.contains("date");
        Comparator<Map.Entry<List<String>, long[]>> order = Comparator.comparing(e -> -e.getValue()[0]);
        if (byDate) {
            Comparator<Map.Entry<List<String>, long[]>> date = Comparator.comparing(e -> e.getKey().get(0));
            order = date.thenComparing(order);
        }
        entries.sort(order);
        ObjectNode out = JSON.createObjectNode();
        out.put("propertyId", property.toString());
        out.put("dateFrom", from.toString());
        out.put("dateTo", to.toString());
        out.set("metrics", JSON.valueToTree(metrics));
        out.set("dimensions", JSON.valueToTree(dimensions));
        ArrayNode rows = out.putArray("rows");
        List<String> keyOrder = new ArrayList<>();
        if (byDate) {
            keyOrder.add("date");
        }
        keyOrder.addAll(breakdown);
        for (Map.Entry<List<String>, long[]> e : entries.subList(0, Math.min(limit, entries.size()))) {
            ObjectNode row = rows.addObject();
            for (String d : dimensions) {
                row.put(d, e.getKey().get(keyOrder.indexOf(d)));
            }
            putMetrics(row, metrics, e.getValue());
        }
        putMetrics(out.putObject("totals"), metrics, total);
        out.put("rowCount", entries.size());
        return out;
    }

    /** Adds one day-and-combination's traffic: pageviews, visits, visitors, bounces, visit seconds. */
    private static void add(long[] s, long pageviews, UUID property, LocalDate day, List<String> values) {
        long visits = Math.max(1, Math.round(pageviews * 0.62));
        s[0] += pageviews;
        s[1] += visits;
        s[2] += Math.max(1, Math.round(visits * 0.81));
        s[3] += Math.round(visits * 0.44 * noise("b|" + property + day + values, 0.2));
        s[4] += Math.round(visits * 95 * noise("d|" + property + day + values, 0.3));
    }

    private static void putMetrics(ObjectNode row, List<String> metrics, long[] s) {
        for (String m : metrics) {
            switch (m) {
                case "pageviews":
                    row.put(m, s[0]);
                    break;
                case "visits":
                    row.put(m, s[1]);
                    break;
                case "visitors":
                    row.put(m, s[2]);
                    break;
                case "bounces":
                    row.put(m, s[3]);
                    break;
                case "bounceRate":
                    row.put(m, s[1] == 0 ? BigDecimal.ZERO
                            : BigDecimal.valueOf(s[3]).divide(BigDecimal.valueOf(s[1]), 4, RoundingMode.HALF_UP));
                    break;
                default:
                    row.put(m, s[1] == 0 ? 0 : Math.round((double) s[4] / s[1]));
                    break;
            }
        }
    }

    private static double dailyPageviews(UUID property, LocalDate day) {
        double base = property.equals(AlkeDemo.SHOP_PROPERTY_ID) ? 1200 : 450;
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return base * (weekend ? 0.7 : 1.0) * noise(property + "|" + day, 0.15);
    }

    /** A deterministic factor in {@code [1 - spread, 1 + spread]} from the key's hash. */
    private static double noise(String key, double spread) {
        int h = key.hashCode() * 0x9E3779B1;
        double unit = ((h >>> 8) & 0xFFFF) / 65535.0;
        return 1 - spread + 2 * spread * unit;
    }

    private static List<List<Weighted>> combinations(List<String> dimensions) {
        List<List<Weighted>> combos = new ArrayList<>();
        combos.add(List.of());
        for (String d : dimensions) {
            List<List<Weighted>> next = new ArrayList<>();
            for (List<Weighted> c : combos) {
                for (Weighted v : Objects.requireNonNull(VALUES.get(d), d)) { // dimensions are checked first
                    List<Weighted> longer = new ArrayList<>(c);
                    longer.add(v);
                    next.add(longer);
                }
            }
            combos = next;
        }
        return combos;
    }

    private static Weighted w(String value, int weight) {
        return new Weighted(value, weight);
    }

    private record Weighted(String value, int weight) {}

    /** A refusal with its status; the message is the body's {@code message}. */
    private static final class Refusal extends RuntimeException {
        final int status;

        Refusal(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        /** The message given to the constructor, which requires one. */
        @Override
        public String getMessage() {
            return Objects.requireNonNull(super.getMessage(), "message");
        }
    }

    /** Builder for {@link FakeAlke}; starts from the {@link AlkeDemo} properties and tokens. */
    public static final class Builder {
        private final Map<UUID, String> properties = new LinkedHashMap<>();
        private final Map<String, Set<UUID>> tokens = new LinkedHashMap<>();
        private final Set<String> expiredTokens = new LinkedHashSet<>();
        private String host = "127.0.0.1";
        private int port;
        private Clock clock = Clock.systemUTC();
        private boolean recordRequests = true;
        private int requestLogCapacity;

        private Builder() {
            properties.put(AlkeDemo.SHOP_PROPERTY_ID, AlkeDemo.SHOP_NAME);
            properties.put(AlkeDemo.BLOG_PROPERTY_ID, AlkeDemo.BLOG_NAME);
            tokens.put(AlkeDemo.TOKEN, new LinkedHashSet<>(properties.keySet()));
            tokens.put(AlkeDemo.SHOP_ONLY_TOKEN, new LinkedHashSet<>(List.of(AlkeDemo.SHOP_PROPERTY_ID)));
            expiredTokens.add(AlkeDemo.EXPIRED_TOKEN);
        }

        /**
         * Accepts {@code token} for these properties only (all demo properties when none are named).
         *
         * @throws IllegalArgumentException when the token is blank or a property is not a demo property
         */
        public Builder token(String token, UUID... readable) {
            if (token == null || token.trim().isEmpty()) {
                throw new IllegalArgumentException("token must not be blank");
            }
            Set<UUID> set = new LinkedHashSet<>(readable.length == 0 ? properties.keySet() : List.of(readable));
            for (UUID p : set) {
                if (!properties.containsKey(p)) {
                    throw new IllegalArgumentException(
                            "property " + p + " is not one of the fake's " + properties.keySet());
                }
            }
            tokens.put(token, set);
            return this;
        }

        /** Answers 401 {@code Token expired} to {@code token}. */
        public Builder expiredToken(String token) {
            if (token == null || token.trim().isEmpty()) {
                throw new IllegalArgumentException("token must not be blank");
            }
            expiredTokens.add(token);
            return this;
        }

        /** The address to listen on; {@code 127.0.0.1} by default. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port; 0 (the default) for a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The clock that decides "today" (data covers the {@value AlkeDemo#DAYS_OF_DATA} days before it). */
        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new IllegalArgumentException("clock must not be null");
            }
            this.clock = clock;
            return this;
        }

        /** Whether to record requests ({@code false} for long-running demos); on by default. */
        public Builder recordRequests(boolean record) {
            this.recordRequests = record;
            return this;
        }

        /** How many requests the log keeps; the {@link FakeServer} default when not set. */
        public Builder requestLogCapacity(int capacity) {
            this.requestLogCapacity = capacity;
            return this;
        }

        /** Starts the fake. */
        public FakeAlke start() {
            return new FakeAlke(this);
        }
    }
}
