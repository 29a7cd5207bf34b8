package io.tally.mcp.alephant;

import static io.tally.mcp.alephant.AlephantModule.content;
import static io.tally.mcp.alephant.AlephantModule.value;
import static io.tally.mcp.alephant.AlephantTools.changePercent;
import static io.tally.mcp.alephant.AlephantTools.choice;
import static io.tally.mcp.alephant.AlephantTools.compareDates;
import static io.tally.mcp.alephant.AlephantTools.intArg;
import static io.tally.mcp.alephant.AlephantTools.previous;
import static io.tally.mcp.alephant.AlephantTools.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.alephant.Alephant;
import io.tally.alephant.DateRangeRequest;
import io.tally.alephant.model.AlephantData;
import io.tally.alephant.model.CostBreakdown;
import io.tally.alephant.model.CostDimension;
import io.tally.alephant.model.CostItem;
import io.tally.alephant.model.ItemPage;
import io.tally.alephant.model.ModelUsage;
import io.tally.alephant.model.ModelUsageReport;
import io.tally.alephant.model.UsagePoint;
import io.tally.alephant.model.UsageSeries;
import io.tally.alephant.model.VirtualKey;
import io.tally.alephant.model.WorkspaceOverview;
import io.tally.mcp.alephant.AlephantModule.Mode;
import io.tally.mcp.alephant.AlephantTools.Steps;
import io.tally.mcp.tool.Schema;
import io.tally.mcp.tool.ToolSpec;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The official server's composite tools (manager mode): several calls, partial results with {@code _meta}. */
final class AlephantComposites {
    private AlephantComposites() {}

    static List<ToolSpec> specs(AlephantModule m) {
        List<ToolSpec> t = new ArrayList<>();
        Schema comparePeriod = Schema.enumeration("7d or 30d (default 30d)", AlephantTools.COMPARE_PERIODS)
                .defaultValue("30d");
        t.add(read("diagnose_cost_anomaly",
                "Compares the cost of the period with the equal period before it, per agent, "
                        + "department and master key, and flags changes: high above 50 %, medium 20-50 %, low below. Also "
                        + "returns the overview and the model breakdown. Manager mode.",
                Schema.object().property("period", comparePeriod),
                Schema.object()
                        .property("totalCostChange", Schema.object("{current, previous, changePercent} in dollars."))
                        .property("anomalies", Schema.array("Entities whose cost changed, largest change first.",
                                Schema.object(
                                        "{dimension, entityName, entityId, currentCost, previousCost, changePercent, severity}")))
                        .property("overview", Schema.object("The workspace overview.").nullable())
                        .property("modelBreakdown", Schema.object("The models of the period.").nullable())
                        .property("_meta", AlephantTools.metaSchema())
                        .required("totalCostChange", "anomalies", "_meta"),
                (ctx, args) -> {
                    AlephantModule.Session session = m.composite(ctx, "diagnose_cost_anomaly");
                    Alephant c = session.client();
                    String period = choice(args, "period", AlephantTools.COMPARE_PERIODS, "30d");
                    LocalDate[] now = compareDates(m, period);
                    LocalDate[] before = previous(now);
                    Steps steps = m.steps(session)
                            .add("currentCosts", () -> c.analytics().costs().dates(now[0], now[1]).execute())
                            .add("previousCosts", () -> c.analytics().costs().dates(before[0], before[1]).execute())
                            .add("overview", () -> c.analytics().overview().execute())
                            .add("models", () -> c.analytics().models().dates(now[0], now[1]).execute());
                    CostBreakdown cur = steps.get("currentCosts");
                    CostBreakdown prev = steps.get("previousCosts");
                    WorkspaceOverview overview = steps.get("overview");
                    ModelUsageReport models = steps.get("models");
                    Map<String, Object> out = new LinkedHashMap<>();
                    BigDecimal curTotal = dimensionTotal(cur);
                    BigDecimal prevTotal = dimensionTotal(prev);
                    Map<String, Object> total = new LinkedHashMap<>();
                    total.put("current", curTotal);
                    total.put("previous", prevTotal);
                    total.put("changePercent", changePercent(curTotal, prevTotal));
                    out.put("totalCostChange", total);
                    out.put("anomalies", anomalies(cur, prev));
                    out.put("overview", overview == null ? null : content(overview.json()));
                    out.put("modelBreakdown", models == null ? null : content(models.json()));
                    out.put("_meta", steps.meta());
                    return out;
                }));
        t.add(read("get_executive_dashboard", "A one-call dashboard: the last 24 hours (top models, top keys, KPIs), "
                + "7-day sparklines with their trend, and the workspace overview. Manager mode.",
                Schema.object().property("sparkline_metrics", Schema.string("Comma-separated sparkline metrics, or all "
                        + "(default all).").defaultValue("all")),
                Schema.object().property("realtime24h", Schema.object("{topModels, topKeys, summary}.").nullable())
                        .property("sparklines", Schema.object("{<metric>: {trend: up|down|flat, points}}."))
                        .property("overview", Schema.object("The workspace overview.").nullable())
                        .property("_meta", AlephantTools.metaSchema()).required("sparklines", "_meta"),
                (ctx, args) -> {
                    AlephantModule.Session session = m.composite(ctx, "get_executive_dashboard");
                    Alephant c = session.client();
                    String[] metrics = AlephantTools.metrics(args.optionalString("sparkline_metrics").orElse("all"));
                    Steps steps = m.steps(session)
                            .add("live24h", () -> c.analytics().live24h().limit(5).execute())
                            .add("sparklines", () -> c.analytics().sparklines().metrics(metrics).execute())
                            .add("overview", () -> c.analytics().overview().execute());
                    AlephantData live = steps.get("live24h");
                    AlephantData sparks = steps.get("sparklines");
                    WorkspaceOverview overview = steps.get("overview");
                    Map<String, Object> out = new LinkedHashMap<>();
                    if (live == null) {
                        out.put("realtime24h", null);
                    } else {
                        Map<String, Object> rt = new LinkedHashMap<>();
                        rt.put("topModels", value(live.json().path("topModels")));
                        rt.put("topKeys", value(live.json().path("topKeys")));
                        rt.put("summary", value(live.json().path("summary")));
                        out.put("realtime24h", rt);
                    }
                    Map<String, Object> lines = new LinkedHashMap<>();
                    if (sparks != null) {
                        Iterator<Map.Entry<String, JsonNode>> it = sparks.json().fields();
                        while (it.hasNext()) {
                            Map.Entry<String, JsonNode> e = it.next();
                            if (e.getValue().isArray()) {
                                Map<String, Object> line = new LinkedHashMap<>();
                                line.put("trend", trend(e.getValue()));
                                line.put("points", value(e.getValue()));
                                lines.put(e.getKey(), line);
                            }
                        }
                    }
                    out.put("sparklines", lines);
                    out.put("overview", overview == null ? null : content(overview.json()));
                    out.put("_meta", steps.meta());
                    return out;
                }));
        t.add(read("drill_down_spend", "The top spenders of one dimension (department, agent or model) for the period, "
                + "and, with entity_id, that department's or agent's own analytics. Manager mode.",
                Schema.object()
                        .property("dimension", Schema.enumeration("department, agent or model (default department)",
                                "department", "agent", "model").defaultValue("department"))
                        .property("entity_id",
                                Schema.string("Drill into this department or agent (UUID); ignored for model.")
                                        .format("uuid"))
                        .property("period", comparePeriod)
                        .property("limit",
                                Schema.integer("Top rows, 1-50 (default 10).").minimum(1).maximum(50).defaultValue(10)),
                Schema.object().property("dimension", Schema.string("The dimension."))
                        .property("period", Schema.string("The period."))
                        .property("limit", Schema.integer("The limit."))
                        .property("topLevel",
                                Schema.array("Top spenders: {id, name, cost}.", Schema.object("One spender.")))
                        .property("drillDown",
                                Schema.object("The entity's analytics, when entity_id was given.").nullable())
                        .property("_meta", AlephantTools.metaSchema()).required("dimension", "topLevel", "_meta"),
                (ctx, args) -> {
                    AlephantModule.Session session = m.composite(ctx, "drill_down_spend");
                    Alephant c = session.client();
                    String dimension = choice(args, "dimension", List.of("department", "agent", "model"), "department");
                    String period = choice(args, "period", AlephantTools.COMPARE_PERIODS, "30d");
                    int limit = intArg(args, "limit", 10, 1, 50);
                    String entity = dimension.equals("model") ? null : args.optionalUuid("entity_id").orElse(null);
                    LocalDate[] now = compareDates(m, period);
                    int days = period.equals("7d") ? 7 : 30;
                    Steps steps = m.steps(session);
                    if (dimension.equals("model")) {
                        steps.add("models", () -> c.analytics().models().dates(now[0], now[1]).execute());
                    } else {
                        steps.add("costs", () -> c.analytics().costs().dates(now[0], now[1]).execute());
                    }
                    if (entity != null) {
                        steps.add("drillDown", () -> dimension.equals("agent")
                                ? c.directory().agentAnalytics(entity).days(days).execute()
                                : c.directory().departmentAnalytics(entity).execute());
                    }
                    List<Map<String, Object>> top = new ArrayList<>();
                    if (dimension.equals("model")) {
                        ModelUsageReport r = steps.get("models");
                        if (r != null) {
                            List<ModelUsage> sorted = new ArrayList<>(r.models());
                            sorted.sort(Comparator
                                    .comparing(
                                            (ModelUsage u) -> u.cost() == null ? BigDecimal.ZERO : u.cost().dollars())
                                    .reversed());
                            for (ModelUsage u : sorted.subList(0, Math.min(limit, sorted.size()))) {
                                Map<String, Object> row = new LinkedHashMap<>();
                                row.put("name", u.model());
                                row.put("cost", u.cost() == null ? null : u.cost().dollars());
                                row.put("requests", u.requests());
                                top.add(row);
                            }
                        }
                    } else {
                        CostBreakdown b = steps.get("costs");
                        CostDimension d = b == null ? null : b.dimension(dimension).orElse(null);
                        if (d != null) {
                            List<CostItem> sorted = new ArrayList<>(d.items());
                            sorted.sort(Comparator
                                    .comparing((CostItem i) -> i.cost() == null ? BigDecimal.ZERO : i.cost().dollars())
                                    .reversed());
                            for (CostItem i : sorted.subList(0, Math.min(limit, sorted.size()))) {
                                Map<String, Object> row = new LinkedHashMap<>();
                                row.put("id", i.id());
                                row.put("name", i.name());
                                row.put("cost", i.cost() == null ? null : i.cost().dollars());
                                top.add(row);
                            }
                        }
                    }
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("dimension", dimension);
                    out.put("period", period);
                    out.put("limit", limit);
                    out.put("topLevel", top);
                    AlephantData drill = entity == null ? null : steps.get("drillDown");
                    out.put("drillDown", drill == null ? null : content(drill.json()));
                    out.put("_meta", steps.meta());
                    return out;
                }));
        t.add(read("find_idle_resources",
                "Virtual keys that never spent (lifetime spentCents 0) and agents without cost in "
                        + "the period. Manager mode.",
                Schema.object().property("period", comparePeriod)
                        .property("include",
                                Schema.enumeration("all, keys or agents (default all)", "all", "keys", "agents")
                                        .defaultValue("all")),
                Schema.object().property("period", Schema.string("The period."))
                        .property("idleKeys", Schema.array("Active keys with no spend.", Schema.object("A key.")))
                        .property("idleAgents",
                                Schema.array("Agents with no cost in the period.", Schema.object("An agent.")))
                        .property("_meta", AlephantTools.metaSchema()).required("_meta"),
                (ctx, args) -> {
                    AlephantModule.Session session = m.composite(ctx, "find_idle_resources");
                    Alephant c = session.client();
                    String period = choice(args, "period", AlephantTools.COMPARE_PERIODS, "30d");
                    String include = choice(args, "include", List.of("all", "keys", "agents"), "all");
                    LocalDate[] now = compareDates(m, period);
                    Steps steps = m.steps(session);
                    if (!include.equals("agents")) {
                        steps.add("virtualKeys", () -> c.virtualKeys().list().page(1).pageSize(50).execute());
                    }
                    if (!include.equals("keys")) {
                        steps.add("agents", () -> c.directory().agents().execute());
                        steps.add("costs", () -> c.analytics().costs().dates(now[0], now[1]).execute());
                    }
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("period", period);
                    if (!include.equals("agents")) {
                        ItemPage<VirtualKey> keys = steps.get("virtualKeys");
                        List<Map<String, Object>> idle = new ArrayList<>();
                        if (keys != null) {
                            for (VirtualKey k : keys.items()) {
                                if ("active".equals(k.status()) && (k.spent() == null || k.spent().isZero())) {
                                    Map<String, Object> row = new LinkedHashMap<>();
                                    row.put("id", k.id());
                                    row.put("label", k.label());
                                    row.put("budgetCents", k.budget() == null ? null : k.budget().cents());
                                    idle.add(row);
                                }
                            }
                        }
                        out.put("idleKeys", idle);
                    }
                    if (!include.equals("keys")) {
                        ItemPage<io.tally.alephant.model.Agent> agents = steps.get("agents");
                        CostBreakdown costs = steps.get("costs");
                        Set<String> spending = new HashSet<>();
                        if (costs != null) {
                            costs.dimension("agent").ifPresent(d -> d.items().forEach(i -> {
                                if (i.cost() != null && !i.cost().isZero()) {
                                    spending.add(i.id());
                                }
                            }));
                        }
                        List<Map<String, Object>> idle = new ArrayList<>();
                        if (agents != null && costs != null) {
                            for (io.tally.alephant.model.Agent a : agents.items()) {
                                if (!spending.contains(a.id())) {
                                    Map<String, Object> row = new LinkedHashMap<>();
                                    row.put("id", a.id());
                                    row.put("name", a.name());
                                    row.put("departmentId", a.departmentId());
                                    idle.add(row);
                                }
                            }
                        }
                        out.put("idleAgents", idle);
                    }
                    out.put("_meta", steps.meta());
                    return out;
                }));
        t.add(read("compare_entity_periods",
                "A department's, agent's or member's usage in the period against the equal "
                        + "period before it. Manager mode.",
                Schema.object()
                        .property("entity_type",
                                Schema.enumeration("department, agent or member", "department", "agent",
                                        "member"))
                        .property("entity_id", Schema.string("The entity (UUID).").format("uuid"))
                        .property("period", comparePeriod).required("entity_type", "entity_id"),
                Schema.object()
                        .property("current", Schema.object("{dateFrom, dateTo, cost, requests, tokens}.").nullable())
                        .property("previous", Schema.object("{dateFrom, dateTo, cost, requests, tokens}.").nullable())
                        .property("change", Schema.object("Percent changes of cost, requests and tokens."))
                        .property("_meta", AlephantTools.metaSchema()).required("_meta"),
                (ctx, args) -> {
                    AlephantModule.Session session = m.composite(ctx, "compare_entity_periods");
                    Alephant c = session.client();
                    String type = args.optionalChoice("entity_type", List.of("department", "agent", "member"),
                            "entity_type '%s' is not supported").orElseThrow(
                                    () -> new IllegalArgumentException(
                                            "entity_type is required: department, agent or member"));
                    String id = args.requiredUuid("entity_id");
                    String period = choice(args, "period", AlephantTools.COMPARE_PERIODS, "30d");
                    LocalDate[] now = compareDates(m, period);
                    LocalDate[] before = previous(now);
                    Steps steps = m.steps(session)
                            .add("current",
                                    () -> scoped(c.analytics().usage(), type, id).dates(now[0], now[1]).execute())
                            .add("previous", () -> scoped(c.analytics().usage(), type, id).dates(before[0], before[1])
                                    .execute());
                    Map<String, Object> cur = totals(steps.get("current"), now);
                    Map<String, Object> prev = totals(steps.get("previous"), before);
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("entityType", type);
                    out.put("entityId", id);
                    out.put("period", period);
                    out.put("current", cur);
                    out.put("previous", prev);
                    Map<String, Object> change = new LinkedHashMap<>();
                    if (cur != null && prev != null) {
                        for (String k : List.of("cost", "requests", "tokens")) {
                            // totals() puts each of these keys
                            change.put(k + "Percent",
                                    changePercent(new BigDecimal(Objects.requireNonNull(cur.get(k)).toString()),
                                            new BigDecimal(Objects.requireNonNull(prev.get(k)).toString())));
                        }
                    }
                    out.put("change", change);
                    out.put("_meta", steps.meta());
                    return out;
                }));
        return t;
    }

    private static DateRangeRequest<UsageSeries> scoped(DateRangeRequest<UsageSeries> r, String type, String id) {
        switch (type) {
            case "agent":
                return r.agentId(id);
            case "member":
                return r.memberId(id);
            default:
                return r.departmentId(id);
        }
    }

    private static @Nullable Map<String, Object> totals(@Nullable UsageSeries s, LocalDate[] window) {
        if (s == null) {
            return null;
        }
        long requests = 0;
        long tokens = 0;
        for (UsagePoint p : s.series()) {
            requests += p.requests() == null ? 0 : p.requests();
            tokens += p.tokens() == null ? 0 : p.tokens();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dateFrom", window[0].toString());
        out.put("dateTo", window[1].toString());
        out.put("cost", s.totalCost().dollars());
        out.put("requests", requests);
        out.put("tokens", tokens);
        return out;
    }

    private static BigDecimal dimensionTotal(@Nullable CostBreakdown b) {
        if (b == null) {
            return BigDecimal.ZERO;
        }
        CostDimension d = b.dimension("agent").orElse(b.breakdown().isEmpty() ? null : b.breakdown().get(0));
        BigDecimal sum = BigDecimal.ZERO;
        if (d != null) {
            for (CostItem i : d.items()) {
                sum = sum.add(i.cost() == null ? BigDecimal.ZERO : i.cost().dollars());
            }
        }
        return sum;
    }

    private static List<Map<String, Object>> anomalies(@Nullable CostBreakdown cur, @Nullable CostBreakdown prev) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (cur == null) {
            return out;
        }
        Map<String, BigDecimal> before = AlephantTools.costsById(prev, null);
        for (CostDimension d : cur.breakdown()) {
            for (CostItem i : d.items()) {
                BigDecimal now = i.cost() == null ? BigDecimal.ZERO : i.cost().dollars();
                BigDecimal then = before.getOrDefault(d.dimension() + "|" + i.id(), BigDecimal.ZERO);
                BigDecimal change = changePercent(now, then);
                if (change != null && change.signum() == 0) {
                    continue;
                }
                double abs = change == null ? Double.POSITIVE_INFINITY : Math.abs(change.doubleValue());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("dimension", d.dimension());
                row.put("entityName", i.name());
                row.put("entityId", i.id());
                row.put("currentCost", now);
                row.put("previousCost", then);
                row.put("changePercent", change);
                row.put("severity", abs > 50 ? "high" : abs >= 20 ? "medium" : "low");
                out.add(row);
            }
        }
        out.sort(Comparator.comparingDouble((Map<String, Object> r) -> r.get("changePercent") == null ? Double.MAX_VALUE
                : Math.abs(((BigDecimal) r.get("changePercent")).doubleValue())).reversed());
        return out;
    }

    private static String trend(JsonNode points) {
        if (points.size() < 2) {
            return "flat";
        }
        double first = points.get(0).asDouble();
        double last = points.get(points.size() - 1).asDouble();
        double base = Math.max(Math.abs(first), 1e-9);
        double change = (last - first) / base;
        return change > 0.05 ? "up" : change < -0.05 ? "down" : "flat";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
