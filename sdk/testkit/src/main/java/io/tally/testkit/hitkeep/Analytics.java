package io.tally.testkit.hitkeep;

import io.tally.testkit.hitkeep.Filters.Filter;
import io.tally.testkit.hitkeep.Model.Event;
import io.tally.testkit.hitkeep.Model.Funnel;
import io.tally.testkit.hitkeep.Model.FunnelStep;
import io.tally.testkit.hitkeep.Model.Goal;
import io.tally.testkit.hitkeep.Model.Hit;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Site statistics, computed from the raw hits and events the way HitKeep's SQL computes them. */
final class Analytics {
    static final int TOP = 10;

    private Analytics() {}

    record MetricStat(String name, long value) {}

    record ChartPoint(Instant time, long pageviews, long visitors) {}

    record GoalStats(String goalId, String name, long conversions, double conversionRate) {}

    record CountPoint(Instant time, long count) {}

    /** Chart granularity: hourly under 48 hours, monthly from 180 days, daily in between. */
    enum Unit {
        HOUR, DAY, MONTH;

        static Unit of(Window w) {
            Duration d = w.length();
            if (d.compareTo(Duration.ofHours(48)) < 0) {
                return HOUR;
            }
            return d.compareTo(Duration.ofDays(180)) >= 0 ? MONTH : DAY;
        }

        Instant truncate(Instant t) {
            return switch (this) {
                case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
                case DAY -> t.truncatedTo(ChronoUnit.DAYS);
                case MONTH -> {
                    ZonedDateTime z = t.atZone(ZoneOffset.UTC);
                    yield z.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant();
                }
            };
        }

        Instant next(Instant t) {
            return switch (this) {
                case HOUR -> t.plus(Duration.ofHours(1));
                case DAY -> t.plus(Duration.ofDays(1));
                case MONTH -> t.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
            };
        }
    }

    /** Bucket starts from the bucket of {@code from} to the bucket of {@code to}, inclusive. */
    static List<Instant> grid(Window w, Unit unit) {
        List<Instant> buckets = new ArrayList<>();
        Instant end = unit.truncate(w.to());
        for (Instant b = unit.truncate(w.from()); !b.isAfter(end) && buckets.size() < 10_000; b = unit.next(b)) {
            buckets.add(b);
        }
        return buckets;
    }

    // ---------------------------------------------------------------------------------------------- selection

    static List<Hit> hits(SiteData site, Instant now, Window w, List<Filter> filters) {
        List<Hit> out = new ArrayList<>();
        for (Hit h : site.hits(now)) {
            if (w.contains(h.timestamp) && Filters.matchesAll(filters, h)) {
                out.add(h);
            }
        }
        return out;
    }

    static Set<String> sessions(Collection<Hit> hits) {
        Set<String> ids = new HashSet<>();
        for (Hit h : hits) {
            ids.add(h.sessionId);
        }
        return ids;
    }

    /** The first pageview of each session among {@code hits} (the session's entry: referrer, UTM, QR). */
    static Map<String, Hit> firstHits(Collection<Hit> hits) {
        Map<String, Hit> first = new HashMap<>();
        for (Hit h : hits) {
            first.merge(h.sessionId, h, (a, b) -> b.timestamp.isBefore(a.timestamp) ? b : a);
        }
        return first;
    }

    // ---------------------------------------------------------------------------------------------- top lists

    static List<MetricStat> top(Collection<Hit> hits, Function<Hit, String> label, int limit) {
        Map<String, Long> counts = new HashMap<>();
        for (Hit h : hits) {
            String name = label.apply(h);
            if (name != null) {
                counts.merge(name, 1L, Long::sum);
            }
        }
        return ranked(counts, limit);
    }

    static List<MetricStat> topSessions(Collection<Hit> hits, Function<Hit, String> label, int limit) {
        Map<String, Set<String>> sessions = new HashMap<>();
        for (Hit h : hits) {
            String name = label.apply(h);
            if (name != null) {
                sessions.computeIfAbsent(name, k -> new HashSet<>()).add(h.sessionId);
            }
        }
        Map<String, Long> counts = new HashMap<>();
        sessions.forEach((k, v) -> counts.put(k, (long) v.size()));
        return ranked(counts, limit);
    }

    static List<MetricStat> ranked(Map<String, Long> counts, int limit) {
        List<MetricStat> stats = new ArrayList<>();
        counts.forEach((k, v) -> stats.add(new MetricStat(k, v)));
        stats.sort(Comparator.comparingLong(MetricStat::value).reversed().thenComparing(MetricStat::name));
        return stats.size() > limit ? new ArrayList<>(stats.subList(0, limit)) : stats;
    }

    // ---------------------------------------------------------------------------------------------- site stats

    record Kpis(long pageviews, long sessions, double bounceRate, double avgSessionDuration, double pagesPerSession) {}

    static Kpis kpis(Collection<Hit> hits) {
        Map<String, long[]> perSession = new HashMap<>();
        for (Hit h : hits) {
            long t = h.timestamp.toEpochMilli();
            long[] s = perSession.computeIfAbsent(h.sessionId, k -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE});
            s[0]++;
            s[1] = Math.min(s[1], t);
            s[2] = Math.max(s[2], t);
        }
        long sessions = perSession.size();
        if (sessions == 0) {
            return new Kpis(0, 0, 0, 0, 0);
        }
        long bounced = 0;
        double durationSeconds = 0;
        for (long[] s : perSession.values()) {
            if (s[0] == 1) {
                bounced++;
            }
            durationSeconds += (s[2] - s[1]) / 1000.0;
        }
        return new Kpis(hits.size(), sessions, bounced * 100.0 / sessions, durationSeconds / sessions,
                (double) hits.size() / sessions);
    }

    static List<ChartPoint> chart(Collection<Hit> hits, Window w) {
        Unit unit = Unit.of(w);
        Map<Instant, long[]> counts = new HashMap<>();
        Map<Instant, Set<String>> visitors = new HashMap<>();
        for (Hit h : hits) {
            Instant b = unit.truncate(h.timestamp);
            counts.computeIfAbsent(b, k -> new long[1])[0]++;
            visitors.computeIfAbsent(b, k -> new HashSet<>()).add(h.sessionId);
        }
        List<ChartPoint> points = new ArrayList<>();
        for (Instant b : grid(w, unit)) {
            long[] c = counts.get(b);
            Set<String> v = visitors.get(b);
            points.add(new ChartPoint(b, c == null ? 0 : c[0], v == null ? 0 : v.size()));
        }
        return points;
    }

    /** Sessions that converted on a goal inside the window: a pageview of its path or an event of its name. */
    static Set<String> goalSessions(SiteData site, Instant now, Window w, Goal goal) {
        Set<String> ids = new HashSet<>();
        if (goal.type().equals("path")) {
            for (Hit h : site.hits(now)) {
                if (h.path.equals(goal.value()) && w.contains(h.timestamp)) {
                    ids.add(h.sessionId);
                }
            }
        } else {
            for (Event e : site.events(now)) {
                if (e.name().equals(goal.value()) && w.contains(e.timestamp())) {
                    ids.add(e.sessionId());
                }
            }
        }
        return ids;
    }

    private static List<GoalStats> goalStats(SiteData site, Instant now, Window w, Set<String> scope, long sessions) {
        List<GoalStats> stats = new ArrayList<>();
        for (Goal goal : site.goals) {
            Set<String> converted = goalSessions(site, now, w, goal);
            converted.retainAll(scope);
            double rate = sessions == 0 ? 0 : converted.size() * 100.0 / sessions;
            stats.add(new GoalStats(goal.id(), goal.name(), converted.size(), rate));
        }
        return stats;
    }

    private static void putUtmHits(Map<String, Object> out, Collection<Hit> hits) {
        long campaign = 0;
        long content = 0;
        long medium = 0;
        long source = 0;
        long term = 0;
        for (Hit h : hits) {
            campaign += h.utmCampaign.trim().isEmpty() ? 0 : 1;
            content += h.utmContent.trim().isEmpty() ? 0 : 1;
            medium += h.utmMedium.trim().isEmpty() ? 0 : 1;
            source += h.utmSource.trim().isEmpty() ? 0 : 1;
            term += h.utmTerm.trim().isEmpty() ? 0 : 1;
        }
        out.put("utm_campaign_hits", campaign);
        out.put("utm_content_hits", content);
        out.put("utm_medium_hits", medium);
        out.put("utm_source_hits", source);
        out.put("utm_term_hits", term);
    }

    /**
     * {@code GET /api/sites/{id}/stats}. {@code goalIds}/{@code funnelIds} restrict the hits to sessions that
     * converted on one of the goals or entered one of the funnels (and, for funnels, to the funnels' path steps).
     */
    static Map<String, Object> siteStats(SiteData site, Instant now, Window w, List<Filter> filters,
            List<String> goalIds, List<String> funnelIds, @Nullable Window compare) {
        List<Hit> hits = scopedHits(site, now, w, filters, goalIds, funnelIds);
        Kpis k = kpis(hits);
        Set<String> scope = sessions(hits);

        Set<String> live = new HashSet<>();
        Instant liveFrom = now.minus(Duration.ofMinutes(5));
        for (Hit h : site.hits(now)) {
            if (!h.timestamp.isBefore(liveFrom) && Filters.matchesAll(filters, h)) {
                live.add(h.sessionId);
            }
        }

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("live_visitors", live.size());
        putKpis(out, k, hits, w);
        out.put("top_pages", top(hits, h -> h.path, TOP));
        landingAndExit(site, now, scope, out);
        out.put("top_referrers", top(hits, h -> h.referrerLabel, TOP));
        out.put("top_devices", top(hits, h -> h.deviceLabel, TOP));
        out.put("top_countries", top(hits, h -> Labels.orUnknown(h.countryCode), TOP));
        out.put("top_cities", top(hits, h -> Labels.orUnknown(h.city), TOP));
        out.put("top_providers", top(hits, h -> Labels.orUnknown(h.provider), TOP));
        out.put("top_asns", top(hits, h -> h.asnLabel, TOP));
        out.put("top_browsers", top(hits, h -> h.browserLabel, TOP));
        out.put("top_ai_bots", top(hits, h -> h.aiBot, TOP));
        out.put("top_ai_sources", topSessions(hits, h -> h.aiSource, TOP));
        long aiBotHits = 0;
        Set<String> aiSourceVisits = new HashSet<>();
        for (Hit h : hits) {
            aiBotHits += h.aiBot == null ? 0 : 1;
            if (h.aiSource != null) {
                aiSourceVisits.add(h.sessionId);
            }
        }
        out.put("ai_bot_hits", aiBotHits);
        out.put("ai_source_visits", aiSourceVisits.size());
        out.put("top_languages", top(hits, h -> h.languageLabel, TOP));
        out.put("top_utm_campaigns", top(hits, h -> Labels.orUnspecified(h.utmCampaign), TOP));
        out.put("top_utm_contents", top(hits, h -> Labels.orUnspecified(h.utmContent), TOP));
        out.put("top_utm_mediums", top(hits, h -> Labels.orUnspecified(h.utmMedium), TOP));
        out.put("top_utm_sources", top(hits, h -> Labels.orUnspecified(h.utmSource), TOP));
        out.put("top_utm_terms", top(hits, h -> Labels.orUnspecified(h.utmTerm), TOP));
        putUtmHits(out, hits);
        out.put("goals", goalStats(site, now, w, scope, k.sessions()));
        out.put("funnels", new ArrayList<>(site.funnels));
        out.put("imported_excluded", List.of());
        if (compare != null) {
            out.put("comparison", comparison(site, now, compare, filters, goalIds, funnelIds));
        }
        return out;
    }

    /** The numbers a stats response and its comparison both start with: the KPIs and the chart of the window. */
    private static void putKpis(Map<String, Object> out, Kpis k, List<Hit> hits, Window w) {
        out.put("total_pageviews", k.pageviews());
        out.put("unique_sessions", k.sessions());
        out.put("bounce_rate", k.bounceRate());
        out.put("avg_session_duration", k.avgSessionDuration());
        out.put("pages_per_session", k.pagesPerSession());
        out.put("chart_data", chart(hits, w));
    }

    private static Map<String, Object> comparison(SiteData site, Instant now, Window w, List<Filter> filters,
            List<String> goalIds, List<String> funnelIds) {
        List<Hit> hits = scopedHits(site, now, w, filters, goalIds, funnelIds);
        Kpis k = kpis(hits);
        List<GoalStats> goals = goalStats(site, now, w, sessions(hits), k.sessions());
        Map<String, Object> out = new LinkedHashMap<>();
        putKpis(out, k, hits, w);
        putUtmHits(out, hits);
        out.put("goals", goals);
        out.put("total_conversions", goals.stream().mapToLong(GoalStats::conversions).sum());
        return out;
    }

    private static List<Hit> scopedHits(SiteData site, Instant now, Window w, List<Filter> filters,
            List<String> goalIds, List<String> funnelIds) {
        List<Hit> hits = hits(site, now, w, filters);
        if (!goalIds.isEmpty()) {
            Set<String> converted = new HashSet<>();
            for (Goal g : site.goals) {
                if (goalIds.contains(g.id())) {
                    converted.addAll(goalSessions(site, now, w, g));
                }
            }
            hits.removeIf(h -> !converted.contains(h.sessionId));
        }
        if (!funnelIds.isEmpty()) {
            Set<String> entered = new HashSet<>();
            Set<String> stepPaths = new HashSet<>();
            for (Funnel f : site.funnels) {
                if (!funnelIds.contains(f.id()) || f.steps().isEmpty()) {
                    continue;
                }
                FunnelStep first = f.steps().get(0);
                entered.addAll(goalSessions(site, now, w, new Goal("", "", "", first.type(), first.value(), now)));
                for (FunnelStep s : f.steps()) {
                    if (s.type().equals("path")) {
                        stepPaths.add(s.value());
                    }
                }
            }
            hits.removeIf(h -> !entered.contains(h.sessionId) || !stepPaths.contains(h.path));
        }
        return hits;
    }

    /** Landing and exit pages of the matching sessions, over all of those sessions' pageviews. */
    private static void landingAndExit(SiteData site, Instant now, Set<String> scope, Map<String, Object> out) {
        Map<String, Hit> first = new HashMap<>();
        Map<String, Hit> last = new HashMap<>();
        Comparator<Hit> order = Comparator.comparing((Hit h) -> h.timestamp).thenComparing(h -> h.path)
                .thenComparing(h -> h.pageId);
        for (Hit h : site.hits(now)) {
            if (scope.contains(h.sessionId)) {
                first.merge(h.sessionId, h, (a, b) -> order.compare(b, a) < 0 ? b : a);
                last.merge(h.sessionId, h, (a, b) -> order.compare(b, a) > 0 ? b : a);
            }
        }
        out.put("top_landing_pages", top(first.values(), h -> h.path, TOP));
        out.put("top_exit_pages", top(last.values(), h -> h.path, TOP));
    }

    // ---------------------------------------------------------------------------------------------- goals

    static List<Map<String, Object>> goalSeries(SiteData site, Instant now, Window w, @Nullable String goalId) {
        Unit unit = Unit.of(w);
        Map<Instant, Set<String>> perBucket = new HashMap<>();
        for (Goal goal : site.goals) {
            if (goalId != null && !goal.id().equalsIgnoreCase(goalId)) {
                continue;
            }
            if (goal.type().equals("path")) {
                for (Hit h : site.hits(now)) {
                    if (h.path.equals(goal.value()) && w.contains(h.timestamp)) {
                        perBucket.computeIfAbsent(unit.truncate(h.timestamp), k -> new HashSet<>()).add(h.sessionId);
                    }
                }
            } else {
                for (Event e : site.events(now)) {
                    if (e.name().equals(goal.value()) && w.contains(e.timestamp())) {
                        perBucket.computeIfAbsent(unit.truncate(e.timestamp()), k -> new HashSet<>())
                                .add(e.sessionId());
                    }
                }
            }
        }
        List<Map<String, Object>> points = new ArrayList<>();
        for (Instant b : grid(w, unit)) {
            Set<String> s = perBucket.get(b);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("time", b);
            p.put("conversions", s == null ? 0 : s.size());
            points.add(p);
        }
        return points;
    }

    // ---------------------------------------------------------------------------------------------- funnels

    /** Per session: the time each funnel step was reached, in order; an absent entry means not reached. */
    private static Map<String, List<Instant>> funnelProgress(SiteData site, Instant now, Window w, Funnel funnel) {
        record Action(Instant time, String type, String value) {}
        Map<String, List<Action>> actions = new HashMap<>();
        for (Hit h : site.hits(now)) {
            if (w.contains(h.timestamp)) {
                actions.computeIfAbsent(h.sessionId, k -> new ArrayList<>())
                        .add(new Action(h.timestamp, "path", h.path));
            }
        }
        for (Event e : site.events(now)) {
            if (w.contains(e.timestamp())) {
                actions.computeIfAbsent(e.sessionId(), k -> new ArrayList<>())
                        .add(new Action(e.timestamp(), "event", e.name()));
            }
        }
        Map<String, List<Instant>> progress = new HashMap<>();
        List<FunnelStep> steps = funnel.steps();
        actions.forEach((session, list) -> {
            list.sort(Comparator.comparing(Action::time));
            List<Instant> reached = new ArrayList<>();
            for (Action a : list) {
                if (reached.size() < steps.size()) {
                    FunnelStep step = steps.get(reached.size());
                    if (step.type().equals(a.type()) && step.value().equals(a.value())) {
                        reached.add(a.time());
                    }
                }
            }
            if (!reached.isEmpty()) {
                progress.put(session, reached);
            }
        });
        return progress;
    }

    static Map<String, Object> funnelStats(SiteData site, Instant now, Window w, Funnel funnel) {
        Map<String, List<Instant>> progress = funnelProgress(site, now, w, funnel);
        int n = funnel.steps().size();
        long[] visitors = new long[n];
        for (List<Instant> reached : progress.values()) {
            for (int i = 0; i < reached.size(); i++) {
                visitors[i]++;
            }
        }
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            FunnelStep s = funnel.steps().get(i);
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("step_index", i);
            step.put("name", s.value());
            step.put("visitors", visitors[i]);
            step.put("dropoff", i == 0 ? 0 : visitors[i - 1] - visitors[i]);
            step.put("conversion_rate", visitors[0] == 0 ? 0.0 : visitors[i] * 100.0 / visitors[0]);
            steps.add(step);
        }
        long entries = n == 0 ? 0 : visitors[0];
        long completions = n == 0 ? 0 : visitors[n - 1];
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("funnel_id", funnel.id());
        out.put("name", funnel.name());
        out.put("steps", steps);
        out.put("total_entries", entries);
        out.put("total_completions", completions);
        out.put("overall_conversion_rate", entries == 0 ? 0.0 : completions * 100.0 / entries);
        return out;
    }

    static List<Map<String, Object>> funnelSeries(SiteData site, Instant now, Window w, List<Funnel> funnels) {
        Unit unit = Unit.of(w);
        Map<Instant, long[]> counts = new TreeMap<>();
        for (Funnel funnel : funnels) {
            int n = funnel.steps().size();
            for (List<Instant> reached : funnelProgress(site, now, w, funnel).values()) {
                counts.computeIfAbsent(unit.truncate(reached.get(0)), k -> new long[2])[0]++;
                if (reached.size() == n) {
                    counts.computeIfAbsent(unit.truncate(reached.get(n - 1)), k -> new long[2])[1]++;
                }
            }
        }
        List<Map<String, Object>> points = new ArrayList<>();
        for (Instant b : grid(w, unit)) {
            long[] c = counts.getOrDefault(b, new long[2]);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("time", b);
            p.put("entries", c[0]);
            p.put("completions", c[1]);
            points.add(p);
        }
        return points;
    }

    // ---------------------------------------------------------------------------------------------- helpers

    static List<CountPoint> countSeries(Collection<Instant> times, Window w) {
        Unit unit = Unit.of(w);
        Map<Instant, Long> counts = new HashMap<>();
        for (Instant t : times) {
            counts.merge(unit.truncate(t), 1L, Long::sum);
        }
        List<CountPoint> points = new ArrayList<>();
        for (Instant b : grid(w, unit)) {
            points.add(new CountPoint(b, counts.getOrDefault(b, 0L)));
        }
        return points;
    }

    /** Go-like text for a JSON property value: integral numbers without a fraction. */
    static String propertyText(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return String.valueOf(d.longValue());
        }
        if (value instanceof Float f && f == Math.rint(f)) {
            return String.valueOf(f.longValue());
        }
        return String.valueOf(value);
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
