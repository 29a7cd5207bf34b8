package io.tally.mcp.alephant;

import static io.tally.mcp.alephant.AlephantModule.content;
import static io.tally.mcp.alephant.AlephantModule.value;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.alephant.Alephant;
import io.tally.alephant.CockpitPeriod;
import io.tally.alephant.DateRangeRequest;
import io.tally.alephant.Granularity;
import io.tally.alephant.TimeseriesMetric;
import io.tally.alephant.TimeseriesPreset;
import io.tally.alephant.model.CostBreakdown;
import io.tally.alephant.model.CostDimension;
import io.tally.alephant.model.CostItem;
import io.tally.alephant.model.UsageSeries;
import io.tally.core.AuthenticationException;
import io.tally.core.PermissionDeniedException;
import io.tally.core.RateLimitException;
import io.tally.core.TallyException;
import io.tally.mcp.alephant.AlephantModule.Mode;
import io.tally.mcp.alephant.AlephantModule.Session;
import io.tally.mcp.tool.Arguments;
import io.tally.mcp.tool.Schema;
import io.tally.mcp.tool.ToolContext;
import io.tally.mcp.tool.ToolHandler;
import io.tally.mcp.tool.ToolSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** The read tools of the official server, in both modes (VK and manager). */
final class AlephantTools {
    static final List<String> PERIODS = List.of("24h", "7d", "30d", "billing_cycle");
    static final List<String> ENTITY_PERIODS = List.of("24h", "7d", "30d");
    static final List<String> COMPARE_PERIODS = List.of("7d", "30d");

    private AlephantTools() {}

    /** The tool's title: its name in Title Case, as the official server has it. */
    static String title(String name) {
        StringBuilder b = new StringBuilder();
        for (String part : name.split("_")) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }

    static ToolSpec read(String name, String description, Schema input, Schema output, ToolHandler handler) {
        return new ToolSpec(name, title(name), description, input.closed().build(), output.build(), true, handler);
    }

    private static Schema period(String description, List<String> values, String def) {
        return Schema.enumeration(description + " (default " + def + ")", values).defaultValue(def);
    }

    private static Schema anyObject(String description) {
        return Schema.object(description);
    }

    private static Schema meta() {
        return Schema.object("Composite status: partial is true when a sub-call failed; failedSteps names them.")
                .property("partial", Schema.bool("Whether some sub-calls failed."))
                .property("failedSteps",
                        Schema.array("The failed sub-calls with their errors.", Schema.object("One failed step.")));
    }

    static String choice(Arguments args, String name, List<String> allowed, String def) {
        return args.optionalChoice(name, allowed, name + " '%s' is not supported").orElse(def);
    }

    static int intArg(Arguments args, String name, int def, int min, int max) {
        int v = args.optionalInt(name).orElse(def);
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }

    /** The official period-to-dates mapping (UTC, dateTo = today); {@code null} for billing_cycle (omit both). */
    static LocalDate @Nullable [] dates(AlephantModule module, String period) {
        LocalDate today = LocalDate.now(module.clock().withZone(ZoneOffset.UTC));
        switch (period) {
            case "24h":
                return new LocalDate[] {today, today};
            case "7d":
                return new LocalDate[] {today.minusDays(6), today};
            case "30d":
                return new LocalDate[] {today.minusDays(29), today};
            default:
                return null;
        }
    }

    /** The window of one of {@link #COMPARE_PERIODS} (which {@code choice} has checked). */
    static LocalDate[] compareDates(AlephantModule module, String period) {
        return Objects.requireNonNull(dates(module, period), "period");
    }

    /** The equal-length window before {@code window}. */
    static LocalDate[] previous(LocalDate[] window) {
        long days = window[1].toEpochDay() - window[0].toEpochDay() + 1;
        return new LocalDate[] {window[0].minusDays(days), window[0].minusDays(1)};
    }

    static <T> DateRangeRequest<T> within(DateRangeRequest<T> request, LocalDate @Nullable [] window) {
        return window == null ? request : request.dates(window[0], window[1]);
    }

    private static int days(String period) {
        return period.equals("24h") ? 1 : period.equals("7d") ? 7 : 30;
    }

    static List<ToolSpec> specs(AlephantModule m) {
        List<ToolSpec> t = new ArrayList<>();
        Schema none = Schema.object();
        Schema periodInput = Schema.object().property("period",
                period("Time window: 24h, 7d, 30d or billing_cycle", PERIODS,
                        "billing_cycle"));
        // ---- both modes
        t.add(read("check_alephant_connection", "Check that Alephant answers with this credential and learn the mode: "
                + "VK mode calls the cockpit health probe, manager mode the workspace overview.", none,
                Schema.object().property("mode", Schema.enumeration("vk or manager", "vk", "manager"))
                        .property("status", Schema.string("ok when Alephant answered"))
                        .property("workspaceId", Schema.string("The workspace (manager mode).").nullable())
                        .property("health", anyObject("The cockpit health answer (VK mode)."))
                        .property("overview", anyObject("The workspace overview (manager mode)."))
                        .required("mode", "status"),
                (ctx, args) -> {
                    Session s = m.session(ctx);
                    Map<String, Object> out = new LinkedHashMap<>();
                    if (s.mode() == Mode.VK) {
                        out.put("mode", "vk");
                        out.put("status", "ok");
                        out.put("health", content(s.client().cockpit().health().execute().json()));
                    } else {
                        out.put("mode", "manager");
                        out.put("status", "ok");
                        out.put("workspaceId", s.workspaceId());
                        out.put("overview", content(s.client().analytics().overview().execute().json()));
                    }
                    return out;
                }));
        t.add(read("get_usage_summary",
                "Spend and usage totals for a period. VK mode: the key's usage summary (costs in "
                        + "cents); manager mode: the workspace cost breakdown (costs in dollars).",
                periodInput,
                anyObject(
                        "The backend answer: VK mode {totalCostCents, totalInputTokens, totalOutputTokens, totalRequests, "
                                + "period}; manager mode {period, breakdown}."),
                (ctx, args) -> {
                    Session s = m.session(ctx);
                    String period = choice(args, "period", PERIODS, "billing_cycle");
                    return s.mode() == Mode.VK
                            ? content(s.client().cockpit().usageSummary().period(CockpitPeriod.fromWire(period))
                                    .execute().json())
                            : content(within(s.client().analytics().costs(), dates(m, period)).execute().json());
                }));
        t.add(read("get_daily_costs", "Cost per day for a period. VK mode: cockpit daily costs (cents); manager mode: "
                + "workspace usage series (cost in dollars).", periodInput,
                anyObject(
                        "VK mode {items: [{date, costCents, requests}]}; manager mode {period, series: [{date, requests, cost, tokens}]}."),
                (ctx, args) -> {
                    Session s = m.session(ctx);
                    String period = choice(args, "period", PERIODS, "billing_cycle");
                    return s.mode() == Mode.VK
                            ? content(s.client().cockpit().dailyCosts().period(CockpitPeriod.fromWire(period)).execute()
                                    .json())
                            : content(within(s.client().analytics().usage(), dates(m, period)).execute().json());
                }));
        t.add(read("get_cost_by_model", "Cost per model for a period. VK mode: cockpit cost by model (cents); manager "
                + "mode: workspace model analytics (dollars).", periodInput,
                anyObject(
                        "VK mode {items: [{model, costCents, inputTokens, outputTokens, requests}]}; manager mode {period, models}."),
                (ctx, args) -> {
                    Session s = m.session(ctx);
                    String period = choice(args, "period", PERIODS, "billing_cycle");
                    return s.mode() == Mode.VK
                            ? content(s.client().cockpit().costByModel().period(CockpitPeriod.fromWire(period))
                                    .execute().json())
                            : content(within(s.client().analytics().models(), dates(m, period)).execute().json());
                }));
        t.add(read("list_available_models", "The model catalogue the gateway routes to.", none,
                anyObject("{items: [model]} (the catalogue as Alephant returns it)."),
                (ctx, args) -> content(m.session(ctx).client().directory().models().execute().json())));
        // ---- VK only
        t.add(read("get_my_scope", "What this virtual key is bound to: workspace, key and the bound agent or member "
                + "(usage views are empty for an unbound key). VK mode.", none,
                Schema.object().property("workspace", anyObject("The workspace {id, name}."))
                        .property("virtual_key", anyObject("The key {id, label}."))
                        .property("entity", anyObject("The bound agent or member, or null.").nullable())
                        .property("degraded", Schema.bool("Whether the metadata could not be loaded."))
                        .property("data_source", Schema.string("Where the data came from.").nullable()),
                (ctx, args) -> content(
                        m.session(ctx, Mode.VK, "get_my_scope").client().cockpit().scope().execute().json())));
        t.add(read("get_my_budget",
                "This key's budget, spend and remaining amount in cents, and its exceeded action. VK mode.",
                periodInput, Schema.object().property("budgetCents", Schema.number("Budget in cents."))
                        .property("spentCents", Schema.number("Spent in cents."))
                        .property("remainingCents", Schema.number("Remaining in cents.")),
                (ctx, args) -> content(m.session(ctx, Mode.VK, "get_my_budget").client().cockpit().budgetStatus()
                        .period(CockpitPeriod.fromWire(choice(args, "period", PERIODS, "billing_cycle"))).execute()
                        .json())));
        t.add(read("get_my_recent_requests",
                "This key's recent requests (Alephant currently returns an empty, degraded "
                        + "list). VK mode.",
                Schema.object()
                        .property("limit",
                                Schema.integer("Rows, 1-100 (default 20).").minimum(1).maximum(100).defaultValue(20))
                        .property("offset",
                                Schema.integer("Rows to skip, 0 or more (default 0).").minimum(0).defaultValue(0)),
                anyObject("{items: [...], degraded, data_source}."),
                (ctx, args) -> content(
                        m.session(ctx, Mode.VK, "get_my_recent_requests").client().cockpit().recentRequests()
                                .limit(intArg(args, "limit", 20, 1, 100))
                                .offset(intArg(args, "offset", 0, 0, Integer.MAX_VALUE))
                                .execute().json())));
        // ---- manager only
        t.add(read("get_workspace_overview",
                "Workspace KPIs: members, agents, virtual keys, departments, total cost (cents). "
                        + "Manager mode.",
                none,
                Schema.object().property("totalCostCents", Schema.number("Spend in cents.")),
                (ctx, args) -> content(
                        m.session(ctx, Mode.MANAGER, "get_workspace_overview").client().analytics().overview()
                                .execute().json())));
        t.add(read("get_workspace_budget_status", "The workspace budget status (a placeholder upstream). Manager mode.",
                none,
                anyObject("The backend answer."),
                (ctx, args) -> content(m.session(ctx, Mode.MANAGER, "get_workspace_budget_status").client().analytics()
                        .budgetStatus().execute().json())));
        t.add(read("list_virtual_keys",
                "The workspace's virtual keys with budgets and spend in cents (first 50). Manager mode.",
                none, Schema.object().property("keys", Schema.array("The keys.", Schema.object("A key.")))
                        .property("total", Schema.number("All keys.")),
                (ctx, args) -> content(
                        m.session(ctx, Mode.MANAGER, "list_virtual_keys").client().virtualKeys().list().page(1)
                                .pageSize(50).execute().json())));
        t.add(read("list_agents", "The workspace's agents, optionally of one department. Manager mode.",
                Schema.object().property("department_id",
                        Schema.string("Only agents of this department (UUID).").format("uuid")),
                Schema.object().property("agents", Schema.array("The agents.", Schema.object("An agent."))),
                (ctx, args) -> {
                    var request = m.session(ctx, Mode.MANAGER, "list_agents").client().directory().agents();
                    args.optionalUuid("department_id").ifPresent(request::departmentId);
                    return content(request.execute().json());
                }));
        t.add(read("get_agent_analytics", "An agent's spend and usage over the last 1, 7 or 30 days. Manager mode.",
                Schema.object()
                        .property("agent_id", Schema.string("The agent (UUID), from list_agents.").format("uuid"))
                        .property("period", period("24h, 7d or 30d", ENTITY_PERIODS, "30d")).required("agent_id"),
                anyObject("The backend answer."),
                (ctx, args) -> content(m.session(ctx, Mode.MANAGER, "get_agent_analytics").client().directory()
                        .agentAnalytics(args.requiredUuid("agent_id"))
                        .days(days(choice(args, "period", ENTITY_PERIODS, "30d")))
                        .execute().json())));
        t.add(read("list_members", "The workspace's members, a page at a time. Manager mode.",
                Schema.object().property("page", Schema.integer("Page, from 1 (default 1).").minimum(1).defaultValue(1))
                        .property("page_size",
                                Schema.integer("Members per page, 1-200 (default 100).").minimum(1).maximum(200)
                                        .defaultValue(100)),
                Schema.object().property("members", Schema.array("The members.", Schema.object("A member."))),
                (ctx, args) -> content(m.session(ctx, Mode.MANAGER, "list_members").client().directory().members()
                        .page(intArg(args, "page", 1, 1, Integer.MAX_VALUE))
                        .pageSize(intArg(args, "page_size", 100, 1, 200))
                        .execute().json())));
        t.add(read("get_member_analytics",
                "A member's daily cost, requests and tokens over the last 1, 7 or 30 days. Manager mode.",
                Schema.object()
                        .property("member_id", Schema.string("The member (UUID), from list_members.").format("uuid"))
                        .property("period", period("24h, 7d or 30d", ENTITY_PERIODS, "30d")).required("member_id"),
                anyObject("The backend answer."),
                (ctx, args) -> content(m.session(ctx, Mode.MANAGER, "get_member_analytics").client().analytics()
                        .memberAnalytics(args.requiredUuid("member_id"))
                        .days(days(choice(args, "period", ENTITY_PERIODS, "30d")))
                        .execute().json())));
        t.add(read("list_departments", "The workspace's departments with member and agent counts. Manager mode.", none,
                Schema.object().property("departments",
                        Schema.array("The departments.", Schema.object("A department."))),
                (ctx, args) -> content(
                        m.session(ctx, Mode.MANAGER, "list_departments").client().directory().departments()
                                .page(1).pageSize(100).execute().json())));
        t.add(read("get_department_analytics",
                "A department's analytics (the backend uses a fixed window and currently "
                        + "reports zeros; period is informational). Manager mode.",
                Schema.object().property("department_id", Schema.string("The department (UUID), from list_departments.")
                        .format("uuid")).property("period", period("24h, 7d or 30d", ENTITY_PERIODS, "30d"))
                        .required("department_id"),
                anyObject("The backend answer."),
                (ctx, args) -> {
                    var request = m.session(ctx, Mode.MANAGER, "get_department_analytics").client().directory()
                            .departmentAnalytics(args.requiredUuid("department_id"));
                    String period = choice(args, "period", ENTITY_PERIODS, "30d");
                    if (!period.equals("30d")) {
                        request.days(days(period));
                    }
                    return content(request.execute().json());
                }));
        t.add(read("get_subscription_info", "The plan, status, billing cycle and quota/usage in cents. Manager mode.",
                none,
                anyObject("{plan, status, billingCycleStart, billingCycleEnd, quotaCents, usedCents}."),
                (ctx, args) -> content(
                        m.session(ctx, Mode.MANAGER, "get_subscription_info").client().billing().subscription()
                                .execute().json())));
        t.add(read("get_live_24h", "The rolling last 24 hours: top models, top keys and summary KPIs. Manager mode.",
                Schema.object().property("limit",
                        Schema.integer("Rows per panel, 1-10 (default 5).").minimum(1).maximum(10)
                                .defaultValue(5)),
                anyObject("{topModels, topKeys, summary}."),
                (ctx, args) -> content(m.session(ctx, Mode.MANAGER, "get_live_24h").client().analytics().live24h()
                        .limit(intArg(args, "limit", 5, 1, 10)).execute().json())));
        t.add(read("get_usage_timeseries", "One metric as a series. granularity hour is not available for success_rate "
                + "and latency. Manager mode.",
                Schema.object()
                        .property("metric", Schema.enumeration("cost, requests, tokens, avg_cost_per_req, success_rate "
                                + "or latency", "cost", "requests", "tokens", "avg_cost_per_req", "success_rate",
                                "latency"))
                        .property("granularity", period("day or hour", List.of("day", "hour"), "day"))
                        .property("period",
                                period("7d, 30d, 3m, 6m or 12m (sent as preset)",
                                        List.of("7d", "30d", "3m", "6m", "12m"),
                                        "30d"))
                        .required("metric"),
                anyObject("The series."),
                (ctx, args) -> content(m.session(ctx, Mode.MANAGER, "get_usage_timeseries").client().analytics()
                        .timeseries(TimeseriesMetric.fromWire(args.requiredString("metric")))
                        .granularity(Granularity.fromWire(choice(args, "granularity", List.of("day", "hour"), "day")))
                        .preset(TimeseriesPreset
                                .fromWire(choice(args, "period", List.of("7d", "30d", "3m", "6m", "12m"), "30d")))
                        .execute().json())));
        t.add(read("get_sparklines",
                "Seven-day trend arrays per metric (spend, requests, tokens, success, latency). Manager mode.",
                Schema.object().property("metrics", Schema.string("Comma-separated metric keys, or all (default all).")
                        .defaultValue("all")),
                anyObject("{<metric>: [points], period}."),
                (ctx, args) -> content(m.session(ctx, Mode.MANAGER, "get_sparklines").client().analytics().sparklines()
                        .metrics(metrics(args.optionalString("metrics").orElse("all"))).execute().json())));
        t.addAll(AlephantComposites.specs(m));
        return t;
    }

    static String[] metrics(String list) {
        List<String> out = new ArrayList<>();
        for (String s : list.split(",")) {
            if (!s.trim().isEmpty()) {
                out.add(s.trim());
            }
        }
        return out.toArray(new String[0]);
    }

    /** Percent change from {@code previous} to {@code current}; {@code null} when previous is zero. */
    static @Nullable BigDecimal changePercent(BigDecimal current, BigDecimal previous) {
        if (previous.signum() == 0) {
            return current.signum() == 0 ? BigDecimal.ZERO : null;
        }
        return current.subtract(previous).multiply(BigDecimal.valueOf(100)).divide(previous, 1, RoundingMode.HALF_UP);
    }

    /**
     * Runs composite steps in parallel: 401/403/429 abort the tool, other failures are listed. The steps start
     * together at the first {@link #get}, after their calls are counted against the caller's budget (all or none).
     */
    static final class Steps {
        private final IntConsumer charge;
        private final Map<String, Supplier<?>> pending = new LinkedHashMap<>();
        private final Map<String, CompletableFuture<Object>> futures = new LinkedHashMap<>();
        private final List<Map<String, Object>> failed = new ArrayList<>();

        /** @param charge counts the given number of Alephant calls, or throws when the caller is over its rate */
        Steps(IntConsumer charge) {
            this.charge = charge;
        }

        <T> Steps add(String name, Supplier<T> step) {
            pending.put(name, step);
            return this;
        }

        private void start() {
            if (pending.isEmpty()) {
                return;
            }
            charge.accept(pending.size());
            pending.forEach((name, step) -> futures.put(name, CompletableFuture.supplyAsync(step::get)));
            pending.clear();
        }

        /** The step's value, or {@code null} when it failed (recorded). */
        @SuppressWarnings("unchecked")
        <T> @Nullable T get(String name) {
            start();
            try {
                return (T) Objects.requireNonNull(futures.get(name), name).join();
            } catch (CompletionException e) {
                // a CompletionException always wraps the step's failure
                Throwable cause = Objects.requireNonNull(e.getCause(), "cause");
                if (cause instanceof AuthenticationException || cause instanceof PermissionDeniedException
                        || cause instanceof RateLimitException) {
                    throw (TallyException) cause;
                }
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("step", name);
                f.put("error", cause.getClass().getSimpleName() + ": " + cause.getMessage());
                failed.add(f);
                return null;
            }
        }

        Map<String, Object> meta() {
            start();
            futures.keySet().forEach(this::touch);
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("partial", !failed.isEmpty());
            meta.put("failedSteps", failed);
            return meta;
        }

        private void touch(String name) {
            CompletableFuture<Object> f = futures.get(name);
            if (f != null && f.isCompletedExceptionally()
                    && failed.stream().noneMatch(x -> name.equals(x.get("step")))) {
                get(name);
            }
        }
    }

    static Schema metaSchema() {
        return meta();
    }

    static Map<String, BigDecimal> costsById(@Nullable CostBreakdown b, @Nullable String dimensionPrefix) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        if (b == null) {
            return out;
        }
        for (CostDimension d : b.breakdown()) {
            if (dimensionPrefix == null || (d.dimension() != null
                    && d.dimension().toLowerCase(Locale.ROOT).startsWith(dimensionPrefix))) {
                for (CostItem i : d.items()) {
                    out.put(d.dimension() + "|" + i.id(), i.cost() == null ? BigDecimal.ZERO : i.cost().dollars());
                }
            }
        }
        return out;
    }

    static BigDecimal total(@Nullable UsageSeries s) {
        return s == null ? BigDecimal.ZERO : s.totalCost().dollars();
    }

    static List<String> asList(String... values) {
        return Arrays.asList(values);
    }

    static @Nullable Object raw(@Nullable JsonNode node) {
        return value(node);
    }

    static Alephant client(Session s) {
        return s.client();
    }
}
