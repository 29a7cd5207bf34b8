package io.tally.testkit.hitkeep;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.tally.testkit.hitkeep.AccessControl.Principal;
import io.tally.testkit.hitkeep.Model.AiFetch;
import io.tally.testkit.hitkeep.Model.Event;
import io.tally.testkit.hitkeep.Model.Hit;
import io.tally.testkit.hitkeep.RouteTable.AuthMode;
import io.tally.testkit.hitkeep.RouteTable.Limiter;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Server-side pageview and event ingest (reference §5.1) and AI crawler fetch ingest (§5.2). */
final class IngestRoutes {
    private static final int MAX_BODY = 64 * 1024;
    private static final Pattern IPV4 = Pattern.compile(
            "^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");
    private static final Pattern IPV6_CHARS = Pattern.compile("^[0-9A-Fa-f:.]+$");

    private static final Map<String, JsonNodeType> PAGEVIEW_FIELDS = fields(
            "url", JsonNodeType.STRING, "timestamp", JsonNodeType.STRING, "visitor_ip", JsonNodeType.STRING,
            "user_agent", JsonNodeType.STRING, "referrer", JsonNodeType.STRING, "language", JsonNodeType.STRING,
            "viewport_width", JsonNodeType.NUMBER, "viewport_height", JsonNodeType.NUMBER,
            "screen_width", JsonNodeType.NUMBER, "screen_height", JsonNodeType.NUMBER, "dnt", JsonNodeType.BOOLEAN,
            "session_id", JsonNodeType.STRING, "page_id", JsonNodeType.STRING);
    private static final Map<String, JsonNodeType> EVENT_FIELDS = fields(
            "url", JsonNodeType.STRING, "timestamp", JsonNodeType.STRING, "visitor_ip", JsonNodeType.STRING,
            "user_agent", JsonNodeType.STRING, "name", JsonNodeType.STRING, "properties", JsonNodeType.OBJECT,
            "referrer", JsonNodeType.STRING, "dnt", JsonNodeType.BOOLEAN, "session_id", JsonNodeType.STRING);

    private final FakeState state;

    IngestRoutes(FakeState state) {
        this.state = state;
    }

    void register(RouteTable t) {
        t.route("POST", "/api/ingest/server/pageview").auth(AuthMode.TOKEN_ONLY).limiter(Limiter.INGEST)
                .to(this::pageview);
        t.route("POST", "/api/ingest/server/event").auth(AuthMode.TOKEN_ONLY).limiter(Limiter.INGEST).to(this::event);
        t.route("POST", "/api/sites/{id}/ingest/ai-fetch").site(SitePermission.MANAGE_DATA).to(this::aiFetch);
    }

    private record Common(JsonNode body, URI url, Instant timestamp, SiteData site, boolean dropped) {}

    /** Validates in HitKeep's order, then resolves the site from the URL host and checks the token's grant. */
    private Common validate(Call c, Map<String, JsonNodeType> fields, boolean event) {
        JsonNode body = c.body.length > MAX_BODY ? null : c.jsonBody();
        if (body == null || !typesMatch(body, fields)) {
            throw HttpError.badRequest("Bad request body");
        }
        URI url = absoluteHttpUrl(body.path("url").asText(""));
        if (url == null) {
            throw HttpError.badRequest("url must be an absolute http or https URL");
        }
        Instant timestamp = Window.rfc3339(body.path("timestamp").asText(""));
        if (timestamp == null) {
            throw HttpError.badRequest("timestamp must be RFC3339");
        }
        if (!isIp(body.path("visitor_ip").asText(""))) {
            throw HttpError.badRequest("visitor_ip must be a valid IP address");
        }
        if (body.path("user_agent").asText("").trim().isEmpty()) {
            throw HttpError.badRequest("user_agent is required");
        }
        if (event && body.path("name").asText("").trim().isEmpty()) {
            throw HttpError.badRequest("name is required");
        }
        for (String idField : new String[] {"session_id", "page_id"}) {
            String id = body.path(idField).asText("");
            if (!id.isEmpty() && !Labels.isUuid(id)) {
                throw HttpError.badRequest("Bad request body");
            }
        }
        SiteData site = state.siteByHost(url.getHost());
        if (site == null) {
            throw new HttpError(404, "Site not found");
        }
        Principal p = c.principal();
        try {
            state.access.require(p, site.id(), SitePermission.MANAGE_DATA);
        } catch (HttpError e) {
            throw HttpError.accessDenied();
        }
        return new Common(body, url, timestamp, site, body.path("dnt").asBoolean(false));
    }

    private void pageview(Call c) throws IOException {
        Common v = validate(c, PAGEVIEW_FIELDS, false);
        if (!v.dropped()) {
            Hit hit = hitFrom(v, c);
            v.site().addHit(hit);
            state.publishRealtime(v.site(), "hits", c.now);
        }
        state.ingested
                .add(new IngestedRecord(IngestedRecord.Kind.PAGEVIEW, v.site().id(), v.body(), v.dropped(), c.now));
        c.empty(202);
    }

    private void event(Call c) throws IOException {
        Common v = validate(c, EVENT_FIELDS, true);
        if (!v.dropped()) {
            JsonNode body = v.body();
            String sessionId = body.path("session_id").asText("");
            Hit context = sessionId.isEmpty() ? null : v.site().lastHitOfSession(sessionId.toLowerCase(), c.now);
            if (context == null) {
                context = hitFrom(v, c);
            }
            Map<String, Object> properties = body.path("properties").isObject()
                    ? state.json.convertValue(body.get("properties"),
                            new TypeReference<LinkedHashMap<String, Object>>() {})
                    : new LinkedHashMap<>();
            v.site().addEvent(new Event(UUID.randomUUID().toString(), v.site().id(), context.sessionId,
                    body.get("name").asText().trim(), Collections.unmodifiableMap(properties), v.timestamp(), context));
            state.publishRealtime(v.site(), "events", c.now);
        }
        state.ingested.add(new IngestedRecord(IngestedRecord.Kind.EVENT, v.site().id(), v.body(), v.dropped(), c.now));
        c.empty(202);
    }

    /** The stored pageview: path and query from the URL, UTM and {@code hk_qr} read from its query string. */
    private Hit hitFrom(Common v, Call c) {
        JsonNode b = v.body();
        URI url = v.url();
        Map<String, List<String>> query = Call.parseQuery(url.getRawQuery() == null ? "" : url.getRawQuery());
        String sessionId = b.path("session_id").asText("");
        sessionId = sessionId.isEmpty() ? UUID.randomUUID().toString() : sessionId.toLowerCase();
        String pageId = b.path("page_id").asText("");
        String rawPath = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        Hit.Builder h = Hit.builder();
        h.id = UUID.randomUUID().toString();
        h.siteId = v.site().id();
        h.sessionId = sessionId;
        h.pageId = pageId.isEmpty() ? UUID.randomUUID().toString() : pageId.toLowerCase();
        h.timestamp = v.timestamp();
        h.path = url.getRawQuery() == null ? rawPath : rawPath + "?" + url.getRawQuery();
        h.hostname = url.getHost().toLowerCase();
        h.referrer = b.path("referrer").asText("");
        h.userAgent = b.path("user_agent").asText("");
        h.viewportWidth = b.path("viewport_width").asInt(0);
        h.viewportHeight = b.path("viewport_height").asInt(0);
        h.screenWidth = b.path("screen_width").asInt(0);
        h.screenHeight = b.path("screen_height").asInt(0);
        h.language = b.path("language").asText("");
        h.utmSource = first(query, "utm_source");
        h.utmMedium = first(query, "utm_medium");
        h.utmCampaign = first(query, "utm_campaign");
        h.utmTerm = first(query, "utm_term");
        h.utmContent = first(query, "utm_content");
        String qr = first(query, "hk_qr");
        h.qrCodeId = qr != null && Labels.isUuid(qr) ? qr.toLowerCase() : null;
        h.unique = v.site().lastHitOfSession(sessionId, c.now) == null;
        return h.build();
    }

    private void aiFetch(Call c) throws IOException {
        JsonNode body = c.body.length > MAX_BODY ? null : c.jsonBody();
        if (body == null) {
            throw HttpError.badRequest("Invalid JSON payload");
        }
        String path = body.path("path").asText("").trim();
        if (path.isEmpty()) {
            throw HttpError.badRequest("path is required");
        }
        int status = body.path("status_code").asInt(0);
        if (status < 100 || status > 599) {
            throw HttpError.badRequest("status_code must be between 100 and 599");
        }
        String userAgent = body.path("user_agent").asText("").trim();
        if (userAgent.isEmpty()) {
            throw HttpError.badRequest("user_agent is required");
        }
        String[] agent = DemoGenerator.aiAgent(userAgent);
        if (agent == null) {
            throw HttpError.badRequest("user_agent must match a known AI bot");
        }
        String hostname = body.path("hostname").asText("");
        c.site().addAiFetch(new AiFetch(UUID.randomUUID().toString(), c.site().id(), c.now, agent[0], agent[1],
                DemoGenerator.resourceType(path), path, hostname.isEmpty() ? c.site().site.domain() : hostname, status,
                body.path("content_type").asText(""), body.path("response_ms").asInt(0),
                body.path("bytes_served").asLong(0), userAgent));
        state.publishRealtime(c.site(), "ai_fetch", c.now);
        state.ingested.add(new IngestedRecord(IngestedRecord.Kind.AI_FETCH, c.site().id(), body, false, c.now));
        c.empty(202);
    }

    private static @Nullable String first(Map<String, List<String>> query, String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static @Nullable URI absoluteHttpUrl(String value) {
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null || uri.getHost().isEmpty()) {
                return null;
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** An IPv4 or IPv6 literal. Parsed by hand: {@code InetAddress} would resolve anything that is not a literal. */
    static boolean isIp(String value) {
        String v = value.trim();
        return IPV4.matcher(v).matches() || isIpv6(v);
    }

    private static boolean isIpv6(String s) {
        if (!s.contains(":") || !IPV6_CHARS.matcher(s).matches() || s.contains(":::")) {
            return false;
        }
        int gap = s.indexOf("::");
        if (gap != s.lastIndexOf("::")) {
            return false;
        }
        String[] halves = gap >= 0 ? new String[] {s.substring(0, gap), s.substring(gap + 2)} : new String[] {s};
        int groups = 0;
        for (int i = 0; i < halves.length; i++) {
            if (halves[i].isEmpty()) {
                continue;
            }
            String[] parts = halves[i].split(":", -1);
            for (int j = 0; j < parts.length; j++) {
                String part = parts[j];
                boolean lastGroup = i == halves.length - 1 && j == parts.length - 1;
                if (lastGroup && part.contains(".")) {
                    if (!IPV4.matcher(part).matches()) {
                        return false;
                    }
                    groups += 2;
                } else if (part.isEmpty() || part.length() > 4 || part.contains(".")) {
                    return false;
                } else {
                    groups++;
                }
            }
        }
        return gap >= 0 ? groups < 8 : groups == 8;
    }

    private static boolean typesMatch(JsonNode body, Map<String, JsonNodeType> fields) {
        for (Map.Entry<String, JsonNodeType> f : fields.entrySet()) {
            JsonNode node = body.get(f.getKey());
            if (node != null && !node.isNull() && node.getNodeType() != f.getValue()) {
                return false;
            }
            if (node != null && f.getValue() == JsonNodeType.NUMBER && node.isNumber() && !node.canConvertToInt()) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, JsonNodeType> fields(Object... pairs) {
        Map<String, JsonNodeType> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (JsonNodeType) pairs[i + 1]);
        }
        return map;
    }
}
