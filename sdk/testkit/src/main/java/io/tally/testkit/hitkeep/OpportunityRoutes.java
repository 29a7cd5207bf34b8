package io.tally.testkit.hitkeep;

import io.tally.testkit.hitkeep.Analytics.MetricStat;
import io.tally.testkit.hitkeep.Model.AiFetch;
import io.tally.testkit.hitkeep.Model.Event;
import io.tally.testkit.hitkeep.Model.Hit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code GET /api/sites/{id}/opportunities}: ranked suggestions with localisation keys rather than text, as HitKeep's
 * detectors produce them. The fake runs three detectors over the last 30 days of the site's data: checkout
 * conversion (ecommerce), traffic quality (the leading UTM source) and AI visibility (crawler fetches against
 * AI-referred visits), so the numbers they cite agree with the other reports.
 */
final class OpportunityRoutes {
    private static final String DETECTOR_VERSION = "2026.05.1";

    private final FakeState state;

    OpportunityRoutes(FakeState state) {
        this.state = state;
    }

    void register(RouteTable t) {
        t.route("GET", "/api/sites/{id}/opportunities").site(SitePermission.VIEW).to(this::list);
    }

    private record Evidence(String id, String labelKey, Object value) {}

    private void list(Call c) throws IOException {
        Window w = new Window(c.now.minus(Duration.ofDays(30)), c.now);
        List<Map<String, Object>> out = new ArrayList<>();
        checkout(c, w, out);
        traffic(c, w, out);
        aiVisibility(c, w, out);
        out.sort((a, b) -> Integer.compare((Integer) b.getOrDefault("score", 0), (Integer) a.getOrDefault("score", 0)));
        c.json(200, Map.of("opportunities", out));
    }

    private void checkout(Call c, Window w, List<Map<String, Object>> out) {
        long starts = 0;
        long orders = 0;
        for (Event e : c.site().events(c.now)) {
            if (w.contains(e.timestamp())) {
                starts += e.name().equals("begin_checkout") ? 1 : 0;
                orders += e.name().equals("purchase") ? 1 : 0;
            }
        }
        if (starts < 20) {
            return;
        }
        double rate = Analytics.round(orders * 100.0 / starts, 1);
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("checkout_starts", starts);
        copy.put("orders", orders);
        copy.put("conversion_rate", rate);
        out.add(opportunity(c, "conversion", "checkout_conversion", String.valueOf(starts - orders), "high", 84,
                copy, Map.of("tab", "ecommerce"), "ecommerce", "shopping_cart", List.of(
                        new Evidence("conversion_rate", "opportunities.evidence.conversion_rate", rate + "%"),
                        new Evidence("checkout_starts", "opportunities.evidence.checkout_starts", starts),
                        new Evidence("orders", "opportunities.evidence.orders", orders))));
    }

    private void traffic(Call c, Window w, List<Map<String, Object>> out) {
        List<Hit> hits = Analytics.hits(c.site(), c.now, w, List.of());
        List<MetricStat> sources = Analytics.top(hits, h -> h.utmSource.isEmpty() ? null : h.utmSource, 1);
        if (sources.isEmpty() || hits.isEmpty()) {
            return;
        }
        MetricStat top = sources.get(0);
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("source", top.name());
        copy.put("source_hits", top.value());
        copy.put("total_pageviews", hits.size());
        copy.put("sessions", Analytics.sessions(hits).size());
        out.add(opportunity(c, "traffic", "traffic_quality", String.valueOf(top.value()), "medium", 71, copy,
                Map.of("filter", "utm_source:" + top.name()), "overview", "trending_up", List.of(
                        new Evidence("top_source", "opportunities.evidence.top_source", top.name()),
                        new Evidence("source_hits", "opportunities.evidence.source_hits", top.value()),
                        new Evidence("total_pageviews", "opportunities.evidence.total_pageviews", hits.size()),
                        new Evidence("sessions", "opportunities.evidence.sessions", Analytics.sessions(hits).size()))));
    }

    private void aiVisibility(Call c, Window w, List<Map<String, Object>> out) {
        Map<String, Long> fetchesByPath = new HashMap<>();
        long fetches = 0;
        for (AiFetch f : c.site().aiFetches(c.now)) {
            if (w.contains(f.timestamp())) {
                fetches++;
                fetchesByPath.merge(f.path(), 1L, Long::sum);
            }
        }
        if (fetches < 50) {
            return;
        }
        MetricStat topPath = Analytics.ranked(fetchesByPath, 1).get(0);
        Set<String> aiVisits = new HashSet<>();
        for (Hit h : Analytics.hits(c.site(), c.now, w, List.of())) {
            if (h.aiSource != null) {
                aiVisits.add(h.sessionId);
            }
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("ai_fetches", fetches);
        copy.put("top_path", topPath.name());
        copy.put("top_path_fetches", topPath.value());
        copy.put("ai_referrals", aiVisits.size());
        out.add(opportunity(c, "ai", "ai_visibility", String.valueOf(aiVisits.size()), "high", 92, copy,
                Map.of("path", topPath.name()), "ai_visibility", "smart_toy", List.of(
                        new Evidence("ai_fetches", "opportunities.evidence.ai_fetches", fetches),
                        new Evidence("top_path", "opportunities.evidence.top_path", topPath.name()),
                        new Evidence("ai_referrals", "opportunities.evidence.ai_referrals", aiVisits.size()))));
    }

    private Map<String, Object> opportunity(Call c, String kind, String type, String impactValue, String confidence,
            int score, Map<String, Object> copy, Map<String, Object> routeParams, String route, String icon,
            List<Evidence> evidence) {
        String base = "opportunities.types." + type;
        Instant generated = state.demoNow.minus(Duration.ofHours(2));
        List<Map<String, Object>> evidenceRows = new ArrayList<>();
        List<String> cited = new ArrayList<>();
        for (Evidence e : evidence) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", e.id());
            row.put("label_key", e.labelKey());
            row.put("value", String.valueOf(e.value()));
            evidenceRows.add(row);
            cited.add(e.id());
        }
        Map<String, Object> breakdown = new LinkedHashMap<>();
        breakdown.put("impact", Math.min(100, score + 4));
        breakdown.put("evidence_fit", Math.min(100, score + 8));
        breakdown.put("actionability", Math.max(0, score - 6));
        breakdown.put("urgency", Math.max(0, score - 12));
        breakdown.put("freshness", 96);
        breakdown.put("sample", Math.min(100, score + 2));
        breakdown.put("effort", 40);
        breakdown.put("total", score);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", UUID.nameUUIDFromBytes((c.site().id() + ":" + type).getBytes(StandardCharsets.UTF_8)).toString());
        o.put("site_id", c.site().id());
        o.put("kind", kind);
        o.put("type_key", base);
        o.put("title_key", base + ".title");
        o.put("summary_key", base + ".summary");
        o.put("action_key", base + ".action");
        o.put("digest_key", base + ".digest");
        o.put("copy_params", copy);
        o.put("impact_value", impactValue);
        o.put("impact_label_key", base + ".impact");
        o.put("confidence", confidence);
        o.put("score", score);
        o.put("score_breakdown", breakdown);
        o.put("status", "new");
        o.put("route_label_key", "opportunities.routes." + route);
        o.put("route_params", routeParams);
        o.put("route_icon", icon);
        o.put("detector_version", DETECTOR_VERSION);
        o.put("evidence", evidenceRows);
        o.put("cited_evidence_ids", cited);
        o.put("generated_at", generated);
        o.put("created_at", generated.minus(Duration.ofDays(2)));
        o.put("updated_at", generated);
        return o;
    }
}
