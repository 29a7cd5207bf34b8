package io.tally.testkit.hitkeep;

import io.tally.testkit.hitkeep.Model.Hit;
import io.tally.testkit.hitkeep.Model.VitalSample;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Web Vitals reports: p75 and good / needs-improvement / poor counts per Google's thresholds. */
final class VitalRoutes {
    static final List<String> METRICS = Arrays.asList("LCP", "INP", "CLS", "FCP", "TTFB");
    private static final List<String> RATINGS = Arrays.asList("good", "needs_improvement", "poor");
    private static final Map<String, double[]> THRESHOLDS = Map.of(
            "LCP", new double[] {2500, 4000},
            "INP", new double[] {200, 500},
            "CLS", new double[] {0.1, 0.25},
            "FCP", new double[] {1800, 3000},
            "TTFB", new double[] {800, 1800});
    private static final Map<String, Function<Hit, String>> DIMENSIONS = Map.of(
            "browser", h -> h.browserLabel,
            "country", h -> Labels.orUnknown(h.countryCode),
            "language", h -> h.languageLabel,
            "device", h -> h.deviceLabel,
            "city", h -> Labels.orUnknown(h.city),
            "provider", h -> Labels.orUnknown(h.provider),
            "asn", h -> h.asnLabel);

    void register(RouteTable t) {
        t.route("GET", "/api/sites/{id}/web-vitals/summary").site(SitePermission.VIEW).to(this::summary);
        t.route("GET", "/api/sites/{id}/web-vitals/pages").site(SitePermission.VIEW).to(this::pages);
        t.route("GET", "/api/sites/{id}/web-vitals/breakdown").site(SitePermission.VIEW).to(this::breakdown);
        t.route("GET", "/api/sites/{id}/web-vitals/timeseries").site(SitePermission.VIEW).to(this::series);
    }

    static String rating(String metric, double value) {
        double[] t = Objects.requireNonNull(THRESHOLDS.get(metric), metric); // metrics are checked first
        return value <= t[0] ? "good" : value <= t[1] ? "needs_improvement" : "poor";
    }

    /** The 75th percentile, interpolated between ranks as DuckDB's {@code quantile_cont} does. */
    static double p75(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double pos = 0.75 * (sorted.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (pos - lo);
    }

    private static Map<String, Object> aggregate(String metric, List<Double> values) {
        long good = 0;
        long ni = 0;
        long poor = 0;
        for (double v : values) {
            switch (rating(metric, v)) {
                case "good" -> good++;
                case "needs_improvement" -> ni++;
                default -> poor++;
            }
        }
        double p75 = Analytics.round(p75(values), metric.equals("CLS") ? 4 : 1);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("p75", p75);
        out.put("rating", rating(metric, p75));
        out.put("samples", values.size());
        out.put("good", good);
        out.put("needs_improvement", ni);
        out.put("poor", poor);
        return out;
    }

    private record Query(Window window, @Nullable String metric, @Nullable String path, @Nullable String rating) {
        /** The metric of a route that requires one ({@link #query(Call, boolean)} refuses the call without it). */
        String requiredMetric() {
            return Objects.requireNonNull(metric, "metric");
        }
    }

    private static Query query(Call c, boolean metricRequired) {
        Window w = Window.of(c, Window.Family.WEB_VITALS);
        String metric = c.trimmedParam("metric");
        if (metric == null) {
            if (metricRequired) {
                throw HttpError.badRequest("metric is required");
            }
        } else {
            metric = metric.toUpperCase(Locale.ROOT);
            if (!METRICS.contains(metric)) {
                throw HttpError.badRequest("Invalid metric");
            }
        }
        String rating = c.trimmedParam("rating");
        if (rating != null && !RATINGS.contains(rating)) {
            throw HttpError.badRequest("Invalid rating");
        }
        return new Query(w, metric, c.trimmedParam("path"), rating);
    }

    /** Samples in the window for the path, grouped by metric; a rating keeps only samples rated so. */
    private static Map<String, List<VitalSample>> samples(Call c, Query q) {
        Map<String, List<VitalSample>> byMetric = new LinkedHashMap<>();
        for (String m : METRICS) {
            byMetric.put(m, new ArrayList<>());
        }
        for (VitalSample s : c.site().vitals(c.now)) {
            if (!q.window().contains(s.timestamp())) {
                continue;
            }
            if (q.path() != null && !s.context().path.equals(q.path())) {
                continue;
            }
            if (q.rating() != null && !rating(s.metric(), s.value()).equals(q.rating())) {
                continue;
            }
            Objects.requireNonNull(byMetric.get(s.metric()), s.metric()).add(s); // samples have known metrics
        }
        return byMetric;
    }

    private static List<Double> values(List<VitalSample> samples) {
        List<Double> values = new ArrayList<>(samples.size());
        for (VitalSample s : samples) {
            values.add(s.value());
        }
        return values;
    }

    private void summary(Call c) throws IOException {
        Query q = query(c, false);
        Map<String, List<VitalSample>> byMetric = samples(c, q);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String metric : METRICS) {
            List<VitalSample> s = byMetric.getOrDefault(metric, List.of());
            if (q.metric() != null ? metric.equals(q.metric()) : !s.isEmpty()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("metric", metric);
                row.putAll(aggregate(metric, values(s)));
                rows.add(row);
            }
        }
        c.json(200, rows);
    }

    private void pages(Call c) throws IOException {
        Query q = query(c, true);
        int limit = AnalyticsRoutes.limit(c, 25, 100);
        Map<String, List<VitalSample>> byMetric = samples(c, q);
        Map<String, Map<String, List<Double>>> byPath = new HashMap<>();
        for (String metric : METRICS) {
            for (VitalSample s : byMetric.getOrDefault(metric, List.of())) {
                byPath.computeIfAbsent(s.context().path, k -> new LinkedHashMap<>())
                        .computeIfAbsent(metric, k -> new ArrayList<>()).add(s.value());
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        byPath.forEach((path, metrics) -> {
            List<Double> main = metrics.get(q.requiredMetric());
            if (main == null) {
                return;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("path", path);
            row.putAll(aggregate(q.requiredMetric(), main));
            Map<String, Object> all = new LinkedHashMap<>();
            for (String metric : METRICS) {
                if (metrics.containsKey(metric)) {
                    all.put(metric, aggregate(metric, metrics.get(metric)));
                }
            }
            row.put("metrics", all);
            rows.add(row);
        });
        sortBySamples(rows, "path");
        c.json(200, rows.size() > limit ? rows.subList(0, limit) : rows);
    }

    private void breakdown(Call c) throws IOException {
        Query q = query(c, true);
        String dimension = c.trimmedParam("dimension");
        Function<Hit, String> label = dimension == null ? null : DIMENSIONS.get(dimension.toLowerCase(Locale.ROOT));
        if (label == null) {
            throw HttpError.badRequest("Invalid dimension");
        }
        int limit = AnalyticsRoutes.limit(c, 25, 100);
        Map<String, List<Double>> byName = new HashMap<>();
        for (VitalSample s : samples(c, q).getOrDefault(q.requiredMetric(), List.of())) {
            byName.computeIfAbsent(label.apply(s.context()), k -> new ArrayList<>()).add(s.value());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        byName.forEach((name, values) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name);
            row.putAll(aggregate(q.requiredMetric(), values));
            rows.add(row);
        });
        sortBySamples(rows, "name");
        c.json(200, rows.size() > limit ? rows.subList(0, limit) : rows);
    }

    private void series(Call c) throws IOException {
        Query q = query(c, true);
        Analytics.Unit unit = Analytics.Unit.of(q.window());
        Map<Instant, List<Double>> buckets = new HashMap<>();
        for (VitalSample s : samples(c, q).getOrDefault(q.requiredMetric(), List.of())) {
            buckets.computeIfAbsent(unit.truncate(s.timestamp()), k -> new ArrayList<>()).add(s.value());
        }
        List<Map<String, Object>> points = new ArrayList<>();
        for (Instant t : Analytics.grid(q.window(), unit)) {
            Map<String, Object> agg = aggregate(q.requiredMetric(), buckets.getOrDefault(t, List.of()));
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("time", t);
            p.put("p75", agg.get("p75"));
            p.put("samples", agg.get("samples"));
            p.put("good", agg.get("good"));
            p.put("needs_improvement", agg.get("needs_improvement"));
            p.put("poor", agg.get("poor"));
            points.add(p);
        }
        c.json(200, points);
    }

    private static void sortBySamples(List<Map<String, Object>> rows, String nameKey) {
        rows.sort(Comparator.comparing((Map<String, Object> r) -> -(Integer) r.getOrDefault("samples", 0))
                .thenComparing(r -> (String) r.get(nameKey)));
    }
}
