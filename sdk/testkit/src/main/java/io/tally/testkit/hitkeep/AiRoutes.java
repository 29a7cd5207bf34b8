package io.tally.testkit.hitkeep;

import io.tally.testkit.hitkeep.Analytics.MetricStat;
import io.tally.testkit.hitkeep.Model.AiFetch;
import io.tally.testkit.hitkeep.Model.Hit;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** AI crawler fetch reports (reference §5.2): overview, time series and the fetch-to-visit correlation. */
final class AiRoutes {

    void register(RouteTable t) {
        t.route("GET", "/api/sites/{id}/ai-fetch/overview").site(SitePermission.VIEW).to(this::overview);
        t.route("GET", "/api/sites/{id}/ai-fetch/timeseries").site(SitePermission.VIEW).to(this::series);
        t.route("GET", "/api/sites/{id}/ai-fetch/correlation").site(SitePermission.VIEW).to(this::correlation);
    }

    /** Fetches in the {@code from}/{@code to} window matching the assistant, family, resource-type and path filters. */
    static List<AiFetch> select(Call c, Window w) {
        String name = c.trimmedParam("assistant_name");
        String family = c.trimmedParam("assistant_family");
        String type = c.trimmedParam("resource_type");
        String path = c.trimmedParam("path");
        List<AiFetch> out = new ArrayList<>();
        for (AiFetch f : c.site().aiFetches(c.now)) {
            if (w.contains(f.timestamp()) && (name == null || name.equals(f.assistantName()))
                    && (family == null || family.equals(f.assistantFamily()))
                    && (type == null || type.equals(f.resourceType())) && (path == null || path.equals(f.path()))) {
                out.add(f);
            }
        }
        return out;
    }

    private static List<MetricStat> top(List<AiFetch> fetches, Function<AiFetch, String> label) {
        Map<String, Long> counts = new HashMap<>();
        for (AiFetch f : fetches) {
            String name = label.apply(f);
            if (name != null) {
                counts.merge(name, 1L, Long::sum);
            }
        }
        return Analytics.ranked(counts, Analytics.TOP);
    }

    private void overview(Call c) throws IOException {
        List<AiFetch> fetches = select(c, Window.of(c, Window.Family.AI_FETCH));
        long bytes = 0;
        long errors4xx = 0;
        long errors5xx = 0;
        List<Integer> times = new ArrayList<>();
        Set<String> assistants = new HashSet<>();
        Set<String> paths = new HashSet<>();
        for (AiFetch f : fetches) {
            bytes += f.bytesServed();
            errors4xx += f.statusCode() >= 400 && f.statusCode() < 500 ? 1 : 0;
            errors5xx += f.statusCode() >= 500 ? 1 : 0;
            times.add(f.responseMs());
            assistants.add(f.assistantName());
            paths.add(f.path());
        }
        Collections.sort(times);
        int n = fetches.size();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total_requests", n);
        out.put("unique_assistants", assistants.size());
        out.put("unique_paths", paths.size());
        out.put("total_bytes", bytes);
        out.put("median_response_ms",
                n == 0 ? 0 : n % 2 == 1 ? times.get(n / 2) : (times.get(n / 2 - 1) + times.get(n / 2)) / 2);
        out.put("error_rate_4xx", n == 0 ? 0.0 : errors4xx * 100.0 / n);
        out.put("error_rate_5xx", n == 0 ? 0.0 : errors5xx * 100.0 / n);
        out.put("top_assistants", top(fetches, AiFetch::assistantName));
        out.put("top_families", top(fetches, AiFetch::assistantFamily));
        out.put("top_paths", top(fetches, AiFetch::path));
        out.put("top_error_paths", top(fetches, f -> f.statusCode() >= 400 ? f.path() : null));
        out.put("resource_type_split", top(fetches, AiFetch::resourceType));
        c.json(200, out);
    }

    private void series(Call c) throws IOException {
        Window w = Window.of(c, Window.Family.AI_FETCH);
        List<Instant> times = new ArrayList<>();
        for (AiFetch f : select(c, w)) {
            times.add(f.timestamp());
        }
        c.json(200, Analytics.countSeries(times, w));
    }

    /** The AI source a crawler family's users arrive from. */
    private static @Nullable String sourceOf(String family) {
        return switch (family) {
            case "OpenAI" -> "ChatGPT";
            case "Anthropic" -> "Claude";
            case "Perplexity" -> "Perplexity";
            default -> null;
        };
    }

    private void correlation(Call c) throws IOException {
        Window w = Window.of(c, Window.Family.AI_FETCH);
        String rawWindow = c.trimmedParam("window_days");
        int windowDays = 30;
        if (rawWindow != null) {
            try {
                windowDays = Integer.parseInt(rawWindow);
            } catch (NumberFormatException e) {
                windowDays = -1;
            }
            if (windowDays < 1 || windowDays > 90) {
                throw HttpError.badRequest("Invalid window_days, expected integer between 1 and 90");
            }
        }
        List<AiFetch> fetches = select(c, w);
        // AI-referred visits: sessions that entered on a path from an AI assistant within window_days of "to".
        Window visitWindow = new Window(w.to().minus(Duration.ofDays(windowDays)), w.to());
        Map<String, Hit> entries = Analytics.firstHits(Analytics.hits(c.site(), c.now, visitWindow, List.of()));
        Map<String, Long> visitsByPath = new HashMap<>();
        Map<String, Long> visitsByPathAndSource = new HashMap<>();
        for (Hit h : entries.values()) {
            if (h.aiSource != null) {
                visitsByPath.merge(h.path, 1L, Long::sum);
                visitsByPathAndSource.merge(h.path + "\u001f" + h.aiSource, 1L, Long::sum);
            }
        }
        Map<String, long[]> byPath = new LinkedHashMap<>();
        Map<String, long[]> byAssistantPath = new LinkedHashMap<>();
        Map<String, long[]> hotspots = new LinkedHashMap<>();
        for (AiFetch f : fetches) {
            boolean error = f.statusCode() >= 400;
            long[] p = byPath.computeIfAbsent(f.path(), k -> new long[2]);
            p[0]++;
            p[1] += error ? 1 : 0;
            String source = sourceOf(f.assistantFamily());
            if (source != null) {
                byAssistantPath.computeIfAbsent(source + "\u001f" + f.path(), k -> new long[1])[0]++;
            }
            long[] h = hotspots.computeIfAbsent(f.assistantName() + "\u001f" + prefix(f.path()), k -> new long[2]);
            h[0]++;
            h[1] += error ? 1 : 0;
        }

        long correlated = 0;
        long uncorrelatedFetches = 0;
        List<Map<String, Object>> opportunities = new ArrayList<>();
        for (Map.Entry<String, long[]> e : byPath.entrySet()) {
            long visits = visitsByPath.getOrDefault(e.getKey(), 0L);
            if (visits > 0) {
                correlated++;
            } else {
                uncorrelatedFetches += e.getValue()[0];
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("path", e.getKey());
            row.put("fetch_count", e.getValue()[0]);
            row.put("ai_referred_visits", visits);
            row.put("error_requests", e.getValue()[1]);
            row.put("error_rate_pct", e.getValue()[1] * 100.0 / e.getValue()[0]);
            opportunities.add(row);
        }
        opportunities.sort(Comparator.comparing((Map<String, Object> r) -> (Long) r.get("ai_referred_visits"))
                .thenComparing(r -> -(Long) r.getOrDefault("fetch_count", 0L))
                .thenComparing(r -> (String) r.get("path")));

        List<Map<String, Object>> yield = new ArrayList<>();
        // Yield per assistant (the AI source its crawlers feed) and path: visits it referred per fetch of the path.
        byAssistantPath.forEach((key, count) -> {
            String[] parts = key.split("\u001f");
            long visits = visitsByPathAndSource.getOrDefault(parts[1] + "\u001f" + parts[0], 0L);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("assistant_name", parts[0]);
            row.put("path", parts[1]);
            row.put("fetch_count", count[0]);
            row.put("ai_referred_visits", visits);
            row.put("citation_yield_pct", visits * 100.0 / count[0]);
            yield.add(row);
        });
        yield.sort(Comparator.comparing((Map<String, Object> r) -> -(Long) r.getOrDefault("ai_referred_visits", 0L))
                .thenComparing(r -> -(Long) r.getOrDefault("fetch_count", 0L))
                .thenComparing(r -> (String) r.get("path"))
                .thenComparing(r -> (String) r.get("assistant_name")));

        List<Map<String, Object>> failures = new ArrayList<>();
        hotspots.forEach((key, counts) -> {
            if (counts[1] == 0) {
                return;
            }
            String[] parts = key.split("\u001f");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("assistant_name", parts[0]);
            row.put("path_prefix", parts[1]);
            row.put("error_requests", counts[1]);
            row.put("total_requests", counts[0]);
            row.put("error_rate_pct", counts[1] * 100.0 / counts[0]);
            failures.add(row);
        });
        failures.sort(Comparator.comparing((Map<String, Object> r) -> -(Long) r.getOrDefault("error_requests", 0L))
                .thenComparing(r -> (String) r.get("path_prefix"))
                .thenComparing(r -> (String) r.get("assistant_name")));

        long aiVisits = 0;
        for (long v : visitsByPath.values()) {
            aiVisits += v;
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total_fetches", fetches.size());
        summary.put("fetched_paths", byPath.size());
        summary.put("ai_referred_visits", aiVisits);
        summary.put("correlated_paths", correlated);
        summary.put("uncorrelated_fetches", uncorrelatedFetches);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("summary", summary);
        out.put("citation_yield", cap(yield));
        out.put("failure_hotspots", cap(failures));
        out.put("opportunity_pages", cap(opportunities));
        c.json(200, out);
    }

    private static String prefix(String path) {
        int second = path.indexOf('/', 1);
        return second < 0 ? path : path.substring(0, second);
    }

    private static <T> List<T> cap(List<T> rows) {
        return rows.size() > Analytics.TOP ? rows.subList(0, Analytics.TOP) : rows;
    }
}
