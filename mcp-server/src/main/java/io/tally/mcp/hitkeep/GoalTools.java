package io.tally.mcp.hitkeep;

import static io.tally.mcp.hitkeep.HitKeepSupport.echo;
import static io.tally.mcp.hitkeep.HitKeepSupport.filters;
import static io.tally.mcp.tool.ToolJson.json;
import static io.tally.mcp.tool.ToolJson.jsonList;
import static io.tally.mcp.hitkeep.HitKeepSupport.siteId;
import static io.tally.mcp.hitkeep.HitKeepSupport.siteWindow;
import static io.tally.mcp.tool.RowLimit.truncation;
import static io.tally.mcp.hitkeep.HitKeepSupport.windowEcho;

import io.tally.hitkeep.HitKeep;
import io.tally.hitkeep.model.FunnelStats;
import io.tally.hitkeep.model.GoalStats;
import io.tally.hitkeep.model.SiteStats;
import io.tally.mcp.tool.DateWindow;
import io.tally.mcp.tool.RowLimit;
import io.tally.mcp.tool.Schema;
import io.tally.mcp.tool.ToolFailure;
import io.tally.mcp.tool.ToolSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Goals and funnels: {@code hitkeep_get_funnel_stats} (HitKeep 2.13's tool) plus {@code hitkeep_list_goals},
 * {@code hitkeep_get_goal_conversions} and {@code hitkeep_list_funnels}.
 */
final class GoalTools {
    private GoalTools() {}

    static List<ToolSpec> specs(HitKeepModule m) {
        return List.of(listGoals(m), goalConversions(m), listFunnels(m), funnelStats(m));
    }

    private static ToolSpec listGoals(HitKeepModule m) {
        return siteList(m, "hitkeep_list_goals", "List HitKeep goals",
                "List one site's conversion goals: id, name and what counts as a conversion (a page path or an event "
                        + "name). Use the ids with hitkeep_get_goal_conversions.",
                "goals", Schema.array("The site's goals.", Schema.object()
                        .property("id", Schema.string("The goal's id (goal_id).").format("uuid"))
                        .property("name", Schema.string("The goal's name."))
                        .property("type", Schema.string("path (a page was seen) or event (an event was sent)."))
                        .property("value", Schema.string("The path or event name that counts as a conversion."))
                        .property("created_at", Schema.dateTime("When the goal was defined."))),
                (hk, siteId) -> hk.goals().list(siteId).execute());
    }

    private static ToolSpec goalConversions(HitKeepModule m) {
        Map<String, Object> input = siteWindow(Schema.object())
                .property("goal_id", Schema.string("Only this goal (from hitkeep_list_goals); default: every goal.")
                        .format("uuid"))
                .property("filters", HitKeepSupport.filters())
                .property("include_timeseries", Schema.bool("Also return conversions over time (default false)."))
                .property("limit", HitKeepRules.RANKED.schema())
                .required("site_id")
                .closed()
                .build();
        Map<String, Object> output = truncation(windowEcho(Schema.object()))
                .property("unique_sessions", Schema.integer("Sessions in the window (the rates' denominator)."))
                .property("goals", Schema.array("Conversions per goal, most first.", Schema.object()
                        .property("goal_id", Schema.string("The goal's id."))
                        .property("name", Schema.string("The goal's name."))
                        .property("conversions", Schema.integer("Converting sessions."))
                        .property("conversion_rate", Schema.number("conversions / sessions * 100."))))
                .property("timeseries", Schema.array("Conversions over time (include_timeseries).", Schema.object()
                        .property("time", Schema.dateTime("Bucket start."))
                        .property("conversions", Schema.integer("Conversions in the bucket."))))
                .required("site_id", "from", "to", "goals")
                .build();
        return new ToolSpec("hitkeep_get_goal_conversions", "Get HitKeep goal conversions",
                "Read goal conversions for one site and window: conversions and conversion rate (percent of "
                        + "sessions) per goal, optionally for one goal only, with traffic filters and an optional time "
                        + "series.",
                input, output, true, (ctx, args) -> {
                    String siteId = args.requiredUuid("site_id");
                    Optional<String> goalId = args.optionalUuid("goal_id");
                    DateWindow window = m.window().resolve(args, m.clock());
                    RowLimit limit = HitKeepRules.RANKED.read(args);
                    HitKeep hk = m.client(ctx);
                    SiteStats stats = hk.sites().stats(siteId).range(window.toRange()).filters(filters(args)).execute();
                    List<GoalStats> rows = new ArrayList<>();
                    for (GoalStats g : stats.goals()) {
                        if (!goalId.isPresent() || goalId.get().equalsIgnoreCase(g.goalId())) {
                            rows.add(g);
                        }
                    }
                    if (goalId.isPresent() && rows.isEmpty()) {
                        throw new ToolFailure("goal " + goalId.get() + " is not a goal of site " + siteId
                                + "; list the goals with hitkeep_list_goals");
                    }
                    rows.sort((a, b) -> Long.compare(b.conversions(), a.conversions()));
                    Map<String, Object> out = echo(siteId, window);
                    out.put("unique_sessions", stats.uniqueSessions());
                    limit.putRows(out, "goals", jsonList(rows));
                    if (args.bool("include_timeseries", false)) {
                        out.put("timeseries", jsonList(goalId.isPresent()
                                ? hk.goals().timeseries(siteId, goalId.get()).range(window.toRange()).execute()
                                : hk.goals().timeseries(siteId).range(window.toRange()).execute()));
                    }
                    return out;
                });
    }

    private static ToolSpec listFunnels(HitKeepModule m) {
        return siteList(m, "hitkeep_list_funnels", "List HitKeep funnels",
                "List one site's funnels with their ordered steps (paths or events). Use the ids with "
                        + "hitkeep_get_funnel_stats.",
                "funnels", Schema.array("The site's funnels.", Schema.object()
                        .property("id", Schema.string("The funnel's id (funnel_id).").format("uuid"))
                        .property("name", Schema.string("The funnel's name."))
                        .property("steps", Schema.array("The steps in order: each a path or an event.",
                                Schema.object()))),
                (hk, siteId) -> hk.funnels().list(siteId).execute());
    }

    private static ToolSpec funnelStats(HitKeepModule m) {
        Map<String, Object> input = siteWindow(Schema.object())
                .property("funnel_id", Schema.string("The funnel's id, from hitkeep_list_funnels.").format("uuid"))
                .required("site_id", "funnel_id")
                .closed()
                .build();
        Map<String, Object> output = windowEcho(Schema.object())
                .property("stats", Schema.object("The funnel's numbers.")
                        .property("funnel_id", Schema.string("The funnel's id."))
                        .property("name", Schema.string("The funnel's name."))
                        .property("total_entries", Schema.integer("Visitors who reached the first step."))
                        .property("total_completions", Schema.integer("Visitors who reached the last step."))
                        .property("overall_conversion_rate", Schema.number("completions / entries * 100."))
                        .property("steps", Schema.array("Per step: visitors, drop-off after it, conversion rate.",
                                Schema.object())))
                .required("site_id", "from", "to", "stats")
                .build();
        return new ToolSpec("hitkeep_get_funnel_stats", "Get HitKeep funnel stats",
                "Read one funnel's step-by-step visitors, drop-off and conversion rates for a site and window. Find "
                        + "funnel ids with hitkeep_list_funnels (or in the goals section of hitkeep_get_site_overview).",
                input, output, true, (ctx, args) -> {
                    String siteId = args.requiredUuid("site_id");
                    String funnelId = args.requiredUuid("funnel_id");
                    DateWindow window = m.window().resolve(args, m.clock());
                    FunnelStats stats = m.client(ctx).funnels().stats(siteId, funnelId).range(window.toRange())
                            .execute();
                    Map<String, Object> out = echo(siteId, window);
                    out.put("stats", json(stats));
                    return out;
                });
    }

    /**
     * A read-only tool that lists one site's definitions (goals, funnels) under {@code rowsKey}: {@code site_id}
     * and a row limit (default 50, at most 200) in; the site id and the rows, cut to the limit, out.
     */
    private static ToolSpec siteList(HitKeepModule m, String name, String title, String description, String rowsKey,
            Schema rows, BiFunction<HitKeep, String, List<?>> fetch) {
        Map<String, Object> input = Schema.object()
                .property("site_id", siteId())
                .property("limit", HitKeepRules.ENUMERATION.schema())
                .required("site_id")
                .closed()
                .build();
        Map<String, Object> output = truncation(Schema.object()
                .property("site_id", Schema.string("The site's id.").format("uuid"))
                .property(rowsKey, rows))
                .required("site_id", rowsKey)
                .build();
        return new ToolSpec(name, title, description, input, output, true, (ctx, args) -> {
            String siteId = args.requiredUuid("site_id");
            RowLimit limit = HitKeepRules.ENUMERATION.read(args);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("site_id", siteId);
            limit.putRows(out, rowsKey, jsonList(fetch.apply(m.client(ctx), siteId)));
            return out;
        });
    }
}
