package io.tally.mcp.hitkeep;

import io.tally.mcp.tool.PromptSpec;
import java.util.List;
import java.util.Map;

/** Prompt templates that turn common questions into a sequence of HitKeep tool calls. */
final class HitKeepPrompts {
    private HitKeepPrompts() {}

    static List<PromptSpec> all() {
        return List.of(weeklyReport(), explainChange());
    }

    private static String site(Map<String, String> args) {
        String site = args.get("site");
        return site == null
                ? "the site (call hitkeep_list_sites first; if there are several, ask which one)"
                : "the site " + site + " (a site_id, or a domain: find its id with hitkeep_list_sites)";
    }

    private static PromptSpec weeklyReport() {
        return new PromptSpec("hitkeep_weekly_report", "HitKeep weekly traffic report",
                "A short weekly report for one site: KPIs against the previous week, what moved them, goals.",
                List.of(new PromptSpec.Argument("site", "The site's id or domain (optional).", false)),
                args -> "Write a weekly traffic report for " + site(args) + ".\n\n"
                        + "1. Call hitkeep_compare_periods for the last 7 days (from = now minus 7 days) against the "
                        + "7 days before.\n"
                        + "2. Call hitkeep_get_breakdown with dimension=page and with dimension=referrer, both with "
                        + "compare_from/compare_to set to the previous 7 days, to find what moved.\n"
                        + "3. Call hitkeep_get_goal_conversions for the last 7 days.\n\n"
                        + "Report in under 200 words: the KPIs with their percent change, the three biggest movers "
                        + "(pages or sources) and goal conversions. Durations are in seconds, rates in percent "
                        + "(definitions: hitkeep://help/metrics). Say so when a list was truncated.");
    }

    private static PromptSpec explainChange() {
        return new PromptSpec("hitkeep_explain_traffic_change", "Explain a HitKeep traffic change",
                "Find out why a site's traffic went up or down between two windows.",
                List.of(new PromptSpec.Argument("site", "The site's id or domain (optional).", false),
                        new PromptSpec.Argument("from", "Start of the window to explain, RFC 3339 (default: 7 days "
                                + "ago).", false),
                        new PromptSpec.Argument("to", "End of the window, RFC 3339 (default: now).", false)),
                args -> "Explain why traffic changed for " + site(args) + " in the window "
                        + args.getOrDefault("from", "of the last 7 days") + (args.containsKey("to") ? " to "
                                + args.get("to") : "")
                        + ", compared with the window of the same length just before it.\n\n"
                        + "Use hitkeep_compare_periods for the size of the change, then hitkeep_get_breakdown with "
                        + "compare_from/compare_to for the dimensions page, referrer, country, device and utm_source "
                        + "to find the largest movers (their share_of_change tells how much of the change each "
                        + "explains). Check hitkeep_get_ai_visibility if AI sources moved. Name the two or three "
                        + "causes that explain most of the change, with numbers, and say what remains unexplained.");
    }
}
