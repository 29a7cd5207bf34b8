package io.tally.mcp.alephant;

import io.tally.mcp.tool.PromptSpec;
import java.util.List;
import java.util.Map;

/** The official server's four prompts, same names and arguments. */
final class AlephantPrompts {
    private AlephantPrompts() {}

    static List<PromptSpec> all() {
        return List.of(
                new PromptSpec("cost_audit_report", "Cost Audit Report",
                        "A cost audit of the key (VK mode) or the workspace (manager mode) for a week, month or quarter.",
                        List.of(new PromptSpec.Argument("period", "weekly, monthly or quarterly (default weekly)",
                                false)),
                        a -> {
                            String period = a.getOrDefault("period", "weekly");
                            String window = period.equals("weekly") ? "7d" : "30d";
                            return "Write a " + period
                                    + " cost audit report for Alephant. Call check_alephant_connection "
                                    + "first to learn the mode. Then call get_usage_summary, get_daily_costs and "
                                    + "get_cost_by_model with period " + window + (period.equals("quarterly")
                                            ? " (and note that the tools cover at most 30 days at a time)" : "")
                                    + ". In VK mode add get_my_budget; in manager mode add get_workspace_overview and "
                                    + "diagnose_cost_anomaly. Report total spend in dollars, the trend, the top models and "
                                    + "any anomaly, and say when a result is degraded or empty rather than zero.";
                        }),
                new PromptSpec("cost_optimization", "Cost Optimization",
                        "Recommendations to cut the workspace's AI spend (manager mode).",
                        List.of(new PromptSpec.Argument("focus",
                                "models, departments, agents or general (default general)",
                                false)),
                        a -> "Find ways to reduce Alephant spend with focus on " + a.getOrDefault("focus", "general")
                                + ". Use get_cost_by_model, drill_down_spend (dimension model, department or agent), "
                                + "find_idle_resources and get_usage_timeseries (metric avg_cost_per_req). Give concrete, "
                                + "ranked recommendations with the dollar amount each would save."),
                new PromptSpec("workspace_health_check", "Workspace Health Check",
                        "A health check of the workspace: budgets, idle resources, anomalies (manager mode).",
                        List.of(new PromptSpec.Argument("urgency", "quick or thorough (default quick)", false)),
                        a -> "quick".equals(a.getOrDefault("urgency", "quick"))
                                ? "Run a quick Alephant workspace health check: get_executive_dashboard, "
                                        + "get_workspace_budget_status and list_virtual_keys (keys near or over budget). Summarise "
                                        + "in five bullet points."
                                : "Run a thorough Alephant workspace health check: get_executive_dashboard, "
                                        + "get_workspace_budget_status, list_virtual_keys, find_idle_resources, "
                                        + "diagnose_cost_anomaly (30d), get_subscription_info and get_usage_timeseries "
                                        + "(success_rate and latency). Report risks first, then recommendations."),
                new PromptSpec("cost_deep_dive", "Cost Deep Dive",
                        "A deep dive into the spend of the workspace, a department or an agent (manager mode).",
                        List.of(new PromptSpec.Argument("target", "workspace, department or agent (default workspace)",
                                false),
                                new PromptSpec.Argument("target_id",
                                        "the department or agent id (needed for department/agent)",
                                        false)),
                        a -> {
                            String target = a.getOrDefault("target", "workspace");
                            String id = a.get("target_id");
                            if (target.equals("workspace")) {
                                return "Do a deep dive into Alephant workspace spend: get_workspace_overview, "
                                        + "drill_down_spend for department, agent and model, diagnose_cost_anomaly and "
                                        + "get_usage_timeseries (metric cost, period 3m). Explain what drives the spend.";
                            }
                            return "Do a deep dive into the spend of " + target + " "
                                    + (id == null ? "(ask the user for its id; "
                                            + "list_" + target + "s lists them)" : id)
                                    + ": drill_down_spend with dimension " + target
                                    + " and entity_id, compare_entity_periods (entity_type " + target
                                    + ", 7d and 30d) and get_"
                                    + target + "_analytics. Explain what changed and why.";
                        }));
    }
}
