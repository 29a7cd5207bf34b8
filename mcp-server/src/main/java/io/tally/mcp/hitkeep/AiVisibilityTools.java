package io.tally.mcp.hitkeep;

import static io.tally.mcp.hitkeep.HitKeepSupport.echo;
import static io.tally.mcp.tool.ToolJson.json;
import static io.tally.mcp.tool.ToolJson.jsonList;
import static io.tally.mcp.hitkeep.HitKeepSupport.siteWindow;
import static io.tally.mcp.tool.RowLimit.truncatedLists;
import static io.tally.mcp.hitkeep.HitKeepSupport.windowEcho;

import io.tally.hitkeep.AiAnalytics;
import io.tally.hitkeep.AiFetchRequest;
import io.tally.hitkeep.model.AiResourceType;
import io.tally.mcp.tool.Arguments;
import io.tally.mcp.tool.DateWindow;
import io.tally.mcp.tool.RowLimit;
import io.tally.mcp.tool.Schema;
import io.tally.mcp.tool.ToolSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code hitkeep_get_ai_visibility}. */
final class AiVisibilityTools {
    private static final List<String> RESOURCE_TYPES = List.of("html", "document", "image", "other");
    private static final List<String> OVERVIEW_LISTS = List.of("top_assistants", "top_families", "top_paths",
            "top_error_paths", "resource_type_split");
    private static final List<String> CORRELATION_LISTS = List.of("citation_yield", "failure_hotspots",
            "opportunity_pages");

    private AiVisibilityTools() {}

    static List<ToolSpec> specs(HitKeepModule m) {
        Map<String, Object> input = siteWindow(Schema.object())
                .property("assistant_name", Schema.string("Only fetches by this assistant, e.g. GPTBot."))
                .property("assistant_family", Schema.string("Only fetches by this family, e.g. OpenAI."))
                .property("resource_type", Schema.enumeration("Only this kind of resource.", RESOURCE_TYPES))
                .property("path", Schema.string("Only fetches of this exact path."))
                .property("include_timeseries", Schema.bool("Return fetches over time (default true)."))
                .property("include_correlation", Schema.bool("Also correlate fetches with AI-referred visits: "
                        + "citation yield, failure hotspots, opportunity pages (default false)."))
                .property("window_days", Schema.integer("Days after a fetch in which a visit still counts for the "
                        + "correlation (default 30, at most 90)."))
                .property("limit", HitKeepRules.RANKED.schema())
                .required("site_id")
                .closed()
                .build();
        Map<String, Object> output = truncatedLists(windowEcho(Schema.object()))
                .property("overview", Schema.object("Totals and top lists of AI crawler fetches.")
                        .property("total_requests", Schema.integer("Fetches."))
                        .property("unique_assistants", Schema.integer("Distinct assistants."))
                        .property("error_rate_4xx", Schema.number("4xx answers, percent."))
                        .property("error_rate_5xx", Schema.number("5xx answers, percent."))
                        .property("top_assistants", HitKeepSupport.metricRows("Fetches per assistant.")))
                .property("timeseries", Schema.array("Fetches over time.", Schema.object()
                        .property("time", Schema.dateTime("Bucket start."))
                        .property("count", Schema.integer("Fetches."))))
                .property("correlation", Schema.object("Fetches correlated with AI-referred visits."))
                .required("site_id", "from", "to", "overview")
                .build();
        return List.of(new ToolSpec("hitkeep_get_ai_visibility", "Get HitKeep AI visibility",
                "Read how AI crawlers and assistants (GPTBot, ClaudeBot, PerplexityBot...) fetch one site in a window: "
                        + "totals, error rates, top assistants, families and paths, a time series, and optionally the "
                        + "correlation between fetches and visits referred by AI assistants.",
                input, output, true, m.siteWindow((ctx, args, siteId, window) -> {
                    String resourceType = args.optionalChoice("resource_type", RESOURCE_TYPES,
                            "invalid resource_type \"%s\"").orElse(null);
                    RowLimit limit = HitKeepRules.RANKED.read(args);
                    AiAnalytics ai = m.client(ctx).ai();
                    Map<String, Object> truncated = new LinkedHashMap<>();
                    Map<String, Object> out = echo(siteId, window);
                    Map<String, Object> overview = json(scoped(ai.fetchOverview(siteId), args, window, resourceType)
                            .execute());
                    cutLists(overview, OVERVIEW_LISTS, limit, truncated, "overview.");
                    out.put("overview", overview);
                    if (args.bool("include_timeseries", true)) {
                        out.put("timeseries", jsonList(scoped(ai.fetchTimeseries(siteId), args, window, resourceType)
                                .execute()));
                    }
                    if (args.bool("include_correlation", false)) {
                        long days = args.optionalLong("window_days").orElse(30L);
                        int windowDays = (int) Math.max(1, Math.min(90, days <= 0 ? 30 : days));
                        Map<String, Object> correlation = json(scoped(ai.fetchCorrelation(siteId), args, window,
                                resourceType).windowDays(windowDays).execute());
                        cutLists(correlation, CORRELATION_LISTS, limit, truncated, "correlation.");
                        correlation.put("window_days", windowDays);
                        out.put("correlation", correlation);
                    }
                    out.put("truncated", !truncated.isEmpty());
                    out.put("truncated_lists", truncated);
                    return out;
                })));
    }

    private static void cutLists(Map<String, Object> json, List<String> keys, RowLimit limit,
            Map<String, Object> truncated, String prefix) {
        for (String key : keys) {
            if (json.get(key) instanceof List<?> rows) {
                json.put(key, limit.cut(rows));
                if (rows.size() > limit.value()) {
                    truncated.put(prefix + key, rows.size());
                }
            }
        }
    }

    private static <T> AiFetchRequest<T> scoped(AiFetchRequest<T> q, Arguments args, DateWindow window,
            @Nullable String resourceType) {
        q.range(window.toRange());
        args.optionalString("assistant_name").ifPresent(q::assistantName);
        args.optionalString("assistant_family").ifPresent(q::assistantFamily);
        args.optionalString("path").ifPresent(q::path);
        if (resourceType != null) {
            q.resourceType(AiResourceType.of(resourceType));
        }
        return q;
    }
}
