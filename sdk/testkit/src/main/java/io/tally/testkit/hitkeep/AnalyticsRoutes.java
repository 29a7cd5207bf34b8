package io.tally.testkit.hitkeep;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.testkit.hitkeep.Analytics.MetricStat;
import io.tally.testkit.hitkeep.Filters.Filter;
import io.tally.testkit.hitkeep.Model.Event;
import io.tally.testkit.hitkeep.Model.Funnel;
import io.tally.testkit.hitkeep.Model.FunnelStep;
import io.tally.testkit.hitkeep.Model.Goal;
import io.tally.testkit.hitkeep.Model.Hit;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Stats, raw hits, events, goals and funnels. */
final class AnalyticsRoutes {
    private final FakeState state;

    AnalyticsRoutes(FakeState state) {
        this.state = state;
    }

    void register(RouteTable t) {
        t.route("GET", "/api/sites/{id}/stats").site(SitePermission.VIEW).userBound().to(this::stats);
        t.route("GET", "/api/sites/{id}/hits").site(SitePermission.VIEW).userBound().to(this::hits);

        t.route("GET", "/api/sites/{id}/events/names").site(SitePermission.VIEW).to(this::eventNames);
        t.route("GET", "/api/sites/{id}/events/properties").site(SitePermission.VIEW).to(this::eventProperties);
        t.route("GET", "/api/sites/{id}/events/breakdown").site(SitePermission.VIEW).to(this::eventBreakdown);
        t.route("GET", "/api/sites/{id}/events/timeseries").site(SitePermission.VIEW).to(this::eventSeries);
        t.route("GET", "/api/sites/{id}/events/audience").site(SitePermission.VIEW).to(this::eventAudience);

        t.route("GET", "/api/sites/{id}/goals").site(SitePermission.VIEW).to(c -> c.json(200, c.site().goals));
        t.route("POST", "/api/sites/{id}/goals").site(SitePermission.MANAGE_GOALS).to(this::createGoal);
        t.route("DELETE", "/api/sites/{id}/goals/{goalID}").site(SitePermission.MANAGE_GOALS).to(this::deleteGoal);
        t.route("GET", "/api/sites/{id}/goals/timeseries").site(SitePermission.VIEW).to(this::goalSeries);

        t.route("GET", "/api/sites/{id}/funnels").site(SitePermission.VIEW).to(c -> c.json(200, c.site().funnels));
        t.route("POST", "/api/sites/{id}/funnels").site(SitePermission.MANAGE_GOALS).to(this::createFunnel);
        t.route("DELETE", "/api/sites/{id}/funnels/{funnelID}").site(SitePermission.MANAGE_GOALS)
                .to(this::deleteFunnel);
        t.route("GET", "/api/sites/{id}/funnels/{funnelID}/stats").site(SitePermission.VIEW).to(this::funnelStats);
        t.route("GET", "/api/sites/{id}/funnels/timeseries").site(SitePermission.VIEW).to(this::funnelSeries);
    }

    // ---------------------------------------------------------------------------------------------- stats, hits

    private void stats(Call c) throws IOException {
        Window w = Window.of(c, Window.Family.ANALYTICS);
        List<Filter> filters = Filters.parse(c);
        List<String> goalIds = uuids(c, "goal_id", "Invalid goal_id");
        List<String> funnelIds = uuids(c, "funnel_id", "Invalid funnel_id");
        Window compare = Window.optional(c, "compare_from", "compare_to");
        c.json(200, Analytics.siteStats(c.site(), c.now, w, filters, goalIds, funnelIds, compare));
    }

    private void hits(Call c) throws IOException {
        Window w = Window.of(c, Window.Family.HITS);
        List<Hit> hits = searchHits(c, w);
        int limit = intOr(c.param("limit"), 10);
        if (limit > 100) {
            limit = 100;
        } else if (limit < 1) {
            limit = 10;
        }
        int offset = Math.max(0, intOr(c.param("offset"), 0));
        String sort = c.param("sort");
        Comparator<Hit> order = "path".equals(sort) ? Comparator.comparing((Hit h) -> h.path)
                : "referrer".equals(sort) ? Comparator.comparing((Hit h) -> h.referrer)
                        : Comparator.comparing((Hit h) -> h.timestamp);
        order = order.thenComparing(h -> h.timestamp).thenComparing(h -> h.id);
        hits.sort("asc".equals(c.param("order")) ? order : order.reversed());
        List<Map<String, Object>> page = new ArrayList<>();
        for (int i = offset; i < hits.size() && page.size() < limit; i++) {
            page.add(Json.hit(hits.get(i)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", page);
        out.put("total", hits.size());
        c.json(200, out);
    }

    /** Hits in the window that match the filters and the {@code q} search (reference §3.4). */
    static List<Hit> searchHits(Call c, Window w) {
        List<Filter> filters = Filters.parse(c);
        List<Hit> hits = Analytics.hits(c.site(), c.now, w, filters);
        String q = c.param("q");
        if (q != null && !q.trim().isEmpty()) {
            String needle = q.trim().toLowerCase(Locale.ROOT);
            hits.removeIf(h -> !matchesSearch(h, needle));
        }
        return hits;
    }

    private static boolean matchesSearch(Hit h, String needle) {
        for (String field : new String[] {h.path, h.hostname, h.referrer, h.userAgent, h.utmSource, h.utmMedium,
                h.utmCampaign, h.utmTerm, h.utmContent, h.qrCodeId}) {
            if (field != null && field.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------- events

    private void eventNames(Call c) throws IOException {
        Window w = Window.of(c, Window.Family.ANALYTICS);
        Map<String, Long> counts = new HashMap<>();
        for (Event e : c.site().events(c.now)) {
            if (w.contains(e.timestamp())) {
                counts.merge(e.name(), 1L, Long::sum);
            }
        }
        List<String> names = new ArrayList<>();
        for (MetricStat m : Analytics.ranked(counts, Integer.MAX_VALUE)) {
            names.add(m.name());
        }
        c.json(200, names);
    }

    private void eventProperties(Call c) throws IOException {
        Window w = Window.of(c, Window.Family.ANALYTICS);
        String name = required(c, "event_name");
        TreeSet<String> keys = new TreeSet<>();
        for (Event e : c.site().events(c.now)) {
            if (e.name().equals(name) && w.contains(e.timestamp())) {
                keys.addAll(e.properties().keySet());
            }
        }
        c.json(200, new ArrayList<>(keys));
    }

    private void eventBreakdown(Call c) throws IOException {
        Window w = Window.of(c, Window.Family.ANALYTICS);
        String name = required(c, "event_name");
        String key = required(c, "property_key");
        Map<String, Long> counts = new HashMap<>();
        for (Event e : c.site().events(c.now)) {
            if (e.name().equals(name) && w.contains(e.timestamp()) && e.properties().containsKey(key)) {
                counts.merge(Analytics.propertyText(e.properties().get(key)), 1L, Long::sum);
            }
        }
        c.json(200, Analytics.ranked(counts, Integer.MAX_VALUE));
    }

    /** Events of {@code event_name} in the window, narrowed by property and dimension filters. */
    private static List<Event> selectEvents(Call c, Window w) {
        String name = required(c, "event_name");
        List<Filter> filters = Filters.parseWithDimension(c);
        String key = c.trimmedParam("property_key");
        String value = c.param("property_value");
        List<Event> out = new ArrayList<>();
        for (Event e : c.site().events(c.now)) {
            if (!e.name().equals(name) || !w.contains(e.timestamp()) || !Filters.matchesAll(filters, e.context())) {
                continue;
            }
            if (key != null) {
                if (!e.properties().containsKey(key)) {
                    continue;
                }
                if (value != null && !Analytics.propertyText(e.properties().get(key)).equals(value)) {
                    continue;
                }
            }
            out.add(e);
        }
        return out;
    }

    private void eventSeries(Call c) throws IOException {
        Window w = Window.of(c, Window.Family.ANALYTICS);
        List<Instant> times = new ArrayList<>();
        for (Event e : selectEvents(c, w)) {
            times.add(e.timestamp());
        }
        c.json(200, Analytics.countSeries(times, w));
    }

    private void eventAudience(Call c) throws IOException {
        Window w = Window.of(c, Window.Family.ANALYTICS);
        List<Hit> contexts = new ArrayList<>();
        for (Event e : selectEvents(c, w)) {
            contexts.add(e.context());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("top_pages", Analytics.top(contexts, h -> h.path, Analytics.TOP));
        out.put("top_referrers", Analytics.top(contexts, h -> h.referrerLabel, Analytics.TOP));
        out.put("top_countries", Analytics.top(contexts, h -> Labels.orUnknown(h.countryCode), Analytics.TOP));
        out.put("top_devices", Analytics.top(contexts, h -> h.deviceLabel, Analytics.TOP));
        out.put("top_cities", Analytics.top(contexts, h -> Labels.orUnknown(h.city), Analytics.TOP));
        out.put("top_providers", Analytics.top(contexts, h -> Labels.orUnknown(h.provider), Analytics.TOP));
        out.put("top_asns", Analytics.top(contexts, h -> h.asnLabel, Analytics.TOP));
        out.put("imported_excluded", List.of());
        c.json(200, out);
    }

    // ---------------------------------------------------------------------------------------------- goals

    private void createGoal(Call c) throws IOException {
        JsonNode body = c.jsonBody();
        if (body == null) {
            throw HttpError.badRequest("Invalid goal data");
        }
        String name = body.path("name").asText("").trim();
        String type = body.path("type").asText("").trim();
        String value = body.path("value").asText("").trim();
        if (name.isEmpty() || value.isEmpty() || !(type.equals("event") || type.equals("path"))) {
            throw HttpError.badRequest("Invalid goal data");
        }
        c.site().goals.add(new Goal(UUID.randomUUID().toString(), c.site().id(), name, type, value, c.now));
        state.publishRealtime(c.site(), "goals", c.now);
        c.empty(201);
    }

    private void deleteGoal(Call c) throws IOException {
        String id = c.pathParam("goalID");
        if (!Labels.isUuid(id)) {
            throw HttpError.badRequest("Invalid goal ID");
        }
        if (!c.site().goals.removeIf(g -> g.id().equalsIgnoreCase(id))) {
            throw new HttpError(404, "Goal not found");
        }
        c.empty(200);
    }

    private void goalSeries(Call c) throws IOException {
        Window w = Window.of(c, Window.Family.ANALYTICS);
        List<String> ids = uuids(c, "goal_id", "Invalid goal_id");
        c.json(200, Analytics.goalSeries(c.site(), c.now, w, ids.isEmpty() ? null : ids.get(0)));
    }

    // ---------------------------------------------------------------------------------------------- funnels

    private void createFunnel(Call c) throws IOException {
        JsonNode body = c.jsonBody();
        String invalid = "Invalid funnel data (need name and at least 2 steps)";
        if (body == null || !body.path("steps").isArray() || body.get("steps").size() < 2) {
            throw HttpError.badRequest(invalid);
        }
        String name = body.path("name").asText("").trim();
        List<FunnelStep> steps = new ArrayList<>();
        for (JsonNode s : body.get("steps")) {
            String type = s.path("type").asText("").trim();
            String value = s.path("value").asText("").trim();
            if (value.isEmpty() || !(type.equals("event") || type.equals("path"))) {
                throw HttpError.badRequest(invalid);
            }
            steps.add(new FunnelStep(type, value));
        }
        if (name.isEmpty()) {
            throw HttpError.badRequest(invalid);
        }
        c.site().funnels.add(new Funnel(UUID.randomUUID().toString(), c.site().id(), name, List.copyOf(steps), c.now));
        state.publishRealtime(c.site(), "funnels", c.now);
        c.empty(201);
    }

    private Funnel funnel(Call c) {
        String id = c.pathParam("funnelID");
        if (!Labels.isUuid(id)) {
            throw HttpError.badRequest("Invalid funnel ID");
        }
        for (Funnel f : c.site().funnels) {
            if (f.id().equalsIgnoreCase(id)) {
                return f;
            }
        }
        throw new HttpError(404, "Funnel not found");
    }

    private void deleteFunnel(Call c) throws IOException {
        Funnel f = funnel(c);
        c.site().funnels.remove(f);
        c.empty(200);
    }

    private void funnelStats(Call c) throws IOException {
        Funnel f = funnel(c);
        Window w = Window.of(c, Window.Family.ANALYTICS);
        c.json(200, Analytics.funnelStats(c.site(), c.now, w, f));
    }

    private void funnelSeries(Call c) throws IOException {
        Window w = Window.of(c, Window.Family.ANALYTICS);
        List<String> ids = uuids(c, "funnel_id", "Invalid funnel_id");
        List<Funnel> funnels = new ArrayList<>();
        for (Funnel f : c.site().funnels) {
            if (ids.isEmpty() || ids.contains(f.id())) {
                funnels.add(f);
            }
        }
        c.json(200, Analytics.funnelSeries(c.site(), c.now, w, funnels));
    }

    // ---------------------------------------------------------------------------------------------- params

    static String required(Call c, String name) {
        String v = c.trimmedParam(name);
        if (v == null) {
            throw HttpError.badRequest(name + " is required");
        }
        return v;
    }

    /** Every value of a repeatable UUID parameter, lower-cased; one malformed value is a 400. */
    static List<String> uuids(Call c, String name, String error) {
        List<String> out = new ArrayList<>();
        for (String v : c.params(name)) {
            if (v.trim().isEmpty()) {
                continue;
            }
            if (!Labels.isUuid(v.trim())) {
                throw HttpError.badRequest(error);
            }
            out.add(v.trim().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    static int intOr(@Nullable String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A {@code limit} with a default and a cap; a non-integer is {@code 400 Invalid limit}. */
    static int limit(Call c, int fallback, int max) {
        String v = c.trimmedParam("limit");
        if (v == null) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("Invalid limit");
        }
        return n <= 0 ? fallback : Math.min(n, max);
    }
}
