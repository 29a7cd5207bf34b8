package io.tally.mcp.engagetrack;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.tally.core.Credentials;
import io.tally.core.json.TallyJson;
import io.tally.engagetrack.AnalyticsCall;
import io.tally.engagetrack.EngageTrack;
import io.tally.engagetrack.Period;
import io.tally.mcp.tool.Arguments;
import io.tally.mcp.tool.CallerClients;
import io.tally.mcp.tool.CallerCredentials;
import io.tally.mcp.tool.ErrorTranslator;
import io.tally.mcp.tool.HelpTool;
import io.tally.mcp.tool.ModuleOptions;
import io.tally.mcp.tool.ProviderModule;
import io.tally.mcp.tool.ResourceSpec;
import io.tally.mcp.tool.RowLimit;
import io.tally.mcp.tool.Schema;
import io.tally.mcp.tool.ToolContext;
import io.tally.mcp.tool.ToolFailure;
import io.tally.mcp.tool.ToolSpec;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * EngageTrack over MCP: read-only tools for the caller's own API key (sites, stats with a comparison, top pages,
 * channels with revenue, sources/referrers/campaigns, funnel analysis, and, unless the operator leaves them out,
 * visitors and a visitor's timeline, which return personal data), and the {@code engagetrack://help/mcp} resource.
 * Every call goes through the Tally EngageTrack SDK with a client derived from the caller's key and organisation.
 */
public final class EngageTrackModule implements ProviderModule {
    static final String HELP_URI = "engagetrack://help/mcp";
    /** Ranked lists: 10 rows by default, 100 at most (EngageTrack's page size). */
    static final RowLimit.Rule RANKED = new RowLimit.Rule(10, 100);
    private static final List<String> PERIODS = List.of("day", "7d", "30d", "month", "12mo");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final ModuleOptions options;
    private final CallerClients<EngageTrack> clients;
    private final List<ToolSpec> tools;
    private final List<ResourceSpec> resources;
    private final EngageTrackErrors errors;
    private final boolean visitorTools;

    private EngageTrackModule(EngageTrack base, ModuleOptions options, boolean visitorTools) {
        this.options = options;
        this.visitorTools = visitorTools;
        Credentials credentials = base.options().credentials();
        this.clients = new CallerClients<>(EngageTrackProvider.DISPLAY_NAME, EngageTrackProvider.TOKEN_VARIABLE,
                List.of(EngageTrackProvider.ORGANIZATION), base, !credentials.isNone(), EngageTrackModule::forCaller);
        // a built client has a base URL
        this.errors = new EngageTrackErrors(Objects.requireNonNull(base.options().baseUrl(), "baseUrl").toString());
        List<ToolSpec> all = new ArrayList<>(
                List.of(listSites(), stats(), topPages(), channels(), traffic(), funnel()));
        if (visitorTools) {
            all.add(listVisitors());
            all.add(visitorTimeline());
        }
        String help = help(all);
        all.add(HelpTool.spec("engagetrack_get_mcp_help", "Get EngageTrack MCP help",
                "Read how to use these EngageTrack tools: the API key and scopes they need, the organisation header, "
                        + "the period rules, row limits and truncation markers, personal data, and the tool list.",
                HELP_URI, help));
        this.tools = Collections.unmodifiableList(all);
        this.resources = List.of(new ResourceSpec(HELP_URI, "engagetrack-mcp-help", "EngageTrack MCP help",
                "How to use the EngageTrack tools: access, scopes, periods, row limits, personal data, the tool list.",
                "text/markdown", help));
    }

    /**
     * A module over a base client (no key: every HTTP caller brings one; a key: one local user).
     *
     * @param visitorTools whether to offer the visitor tools, which return personal data (e-mail, name)
     */
    public static EngageTrackModule create(EngageTrack base, ModuleOptions options, boolean visitorTools) {
        return new EngageTrackModule(Objects.requireNonNull(base, "base"), Objects.requireNonNull(options, "options"),
                visitorTools);
    }

    private static EngageTrack forCaller(EngageTrack base, CallerCredentials caller) {
        EngageTrack c = base.withApiKey(caller.token());
        return caller.header(EngageTrackProvider.ORGANIZATION.name()).map(c::withOrganization).orElse(c);
    }

    private EngageTrack client(ToolContext ctx) {
        EngageTrack c = clients.forCall(ctx);
        if (c.organizationId() == null) {
            throw new ToolFailure(
                    "No EngageTrack organisation for this call: send 'X-EngageTrack-Org-Id: <organisation id>' "
                            + "with each request, or set ENGAGETRACK_ORG_ID on the server.");
        }
        return c;
    }

    // ---- windows --------------------------------------------------------------------------------

    /** A resolved period: the SDK's, and its first and last day. */
    record Window(Period period, LocalDate from, LocalDate to) {
        long days() {
            return ChronoUnit.DAYS.between(from, to) + 1;
        }

        Window previous() {
            return new Window(Period.custom(from.minusDays(days()), from.minusDays(1)), from.minusDays(days()),
                    from.minusDays(1));
        }

        void echo(Map<String, Object> out) {
            out.put("period", period.value());
            out.put("from", from.toString());
            out.put("to", to.toString());
        }
    }

    private Window window(Arguments args) {
        LocalDate today = LocalDate.ofInstant(options.clock().instant(), ZoneOffset.UTC);
        if (args.has("from") || args.has("to")) {
            if (!args.has("from") || !args.has("to")) {
                throw new ToolFailure("from and to go together: give both (YYYY-MM-DD), or neither and a period");
            }
            LocalDate from = date(args, "from");
            LocalDate to = date(args, "to");
            if (to.isBefore(from)) {
                throw new ToolFailure("to (" + to + ") must not be before from (" + from + ")");
            }
            if (ChronoUnit.DAYS.between(from, to) + 1 > options.maxRangeDays()) {
                throw new ToolFailure(
                        "the window is longer than " + options.maxRangeDays() + " days; ask for a shorter one");
            }
            return new Window(Period.custom(from, to), from, to);
        }
        String p = args.optionalChoice("period", PERIODS, "period %s is not supported").orElse("30d");
        switch (p) {
            case "day":
                return new Window(Period.DAY, today, today);
            case "7d":
                return new Window(Period.SEVEN_DAYS, today.minusDays(6), today);
            case "month":
                return new Window(Period.MONTH, today.withDayOfMonth(1), today);
            case "12mo":
                return new Window(Period.TWELVE_MONTHS, today.minusMonths(12).plusDays(1), today);
            default:
                return new Window(Period.THIRTY_DAYS, today.minusDays(29), today);
        }
    }

    private static LocalDate date(Arguments args, String name) {
        String v = args.requiredString(name);
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new ToolFailure(name + " must be a date as YYYY-MM-DD, got '" + v + "'");
        }
    }

    private static Schema windowInput(Schema s) {
        return s.property("site_id", Schema.string("The site's id (from engagetrack_list_sites)."))
                .property("period", Schema.enumeration("The period (default 30d), ending today (UTC).", PERIODS))
                .property("from", Schema.string("First day of a custom window, YYYY-MM-DD (with to; replaces period).")
                        .format("date"))
                .property("to", Schema.string("Last day of a custom window, YYYY-MM-DD (with from).").format("date"));
    }

    private static Schema windowEcho(Schema s) {
        return s.property("site_id", Schema.string("The site."))
                .property("period", Schema.string("The period sent to EngageTrack (custom for from/to)."))
                .property("from", Schema.string("First day of the window.").format("date"))
                .property("to", Schema.string("Last day of the window.").format("date"));
    }

    private static <T, R extends io.tally.engagetrack.AnalyticsRequest<T, R>> R inWindow(R request, Window w) {
        return request.period(w.period());
    }

    private static Map<String, Object> map(JsonNode node) {
        return node == null || !node.isObject() ? new LinkedHashMap<>() : TallyJson.mapper().convertValue(node, MAP);
    }

    private static List<Map<String, Object>> maps(List<JsonNode> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode r : rows) {
            out.add(map(r));
        }
        return out;
    }

    private static Map<String, Object> json(Object model) {
        return TallyJson.snakeCaseMapper().convertValue(model, MAP);
    }

    // ---- tools ----------------------------------------------------------------------------------

    private ToolSpec listSites() {
        Map<String, Object> input = Schema.object().property("limit", RANKED.schema()).closed().build();
        Map<String, Object> output = RowLimit.truncation(Schema.object()
                .property("sites", Schema.array("The organisation's sites.", Schema.object()
                        .property("id", Schema.string("The site id (site_id of the other tools)."))
                        .property("name", Schema.string("Display name.").nullable())
                        .property("domain", Schema.string("Domain.").nullable())
                        .property("public_id", Schema.string("The public tracking id, pk_live_....").nullable()))))
                .required("sites").build();
        return new ToolSpec("engagetrack_list_sites", "List EngageTrack sites",
                "List the organisation's sites with their ids, names, domains and public ids. Call it first: the other "
                        + "tools take a site_id from it. Needs the API-key scope sites:read.",
                input, output, true, (ctx, args) -> {
                    RowLimit limit = RANKED.read(args);
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (io.tally.engagetrack.model.Site s : client(ctx).sites().list().execute()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("id", s.id());
                        row.put("name", s.name());
                        row.put("domain", s.domain());
                        row.put("public_id", s.publicId());
                        rows.add(row);
                    }
                    Map<String, Object> out = new LinkedHashMap<>();
                    limit.putRows(out, "sites", rows);
                    return out;
                });
    }

    private ToolSpec stats() {
        Map<String, Object> input = windowInput(Schema.object())
                .property("compare", Schema.bool("Also read the window just before, of the same length, and the change "
                        + "(default true)."))
                .required("site_id").closed().build();
        Map<String, Object> output = windowEcho(Schema.object())
                .property("stats", Schema.freeObject("The headline numbers as EngageTrack sends them (visitors, "
                        + "pageviews, ... ; the field list is not published)."))
                .property("previous", Schema.freeObject("The same numbers for the window before (compare)."))
                .property("previous_from", Schema.string("First day of the window before.").format("date"))
                .property("previous_to", Schema.string("Last day of the window before.").format("date"))
                .property("change_percent",
                        Schema.map("For each numeric field: the change against the window before, in "
                                + "percent (null when the previous value is 0).",
                                Schema.number("Change in percent.").nullable()))
                .required("site_id", "period", "from", "to", "stats").build();
        return new ToolSpec("engagetrack_get_stats", "Get EngageTrack stats",
                "Read one site's headline numbers for a period (day, 7d, 30d, month, 12mo or from/to days), with the "
                        + "window before and the change in percent. Needs the scope analytics:read.",
                input, output, true, (ctx, args) -> {
                    String site = args.requiredString("site_id");
                    Window w = window(args);
                    EngageTrack et = client(ctx);
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("site_id", site);
                    w.echo(out);
                    Map<String, Object> now = map(inWindow(et.analytics().stats(site), w).execute().json());
                    out.put("stats", now);
                    if (args.bool("compare", true)) {
                        Window p = w.previous();
                        Map<String, Object> before = map(inWindow(et.analytics().stats(site), p).execute().json());
                        out.put("previous", before);
                        out.put("previous_from", p.from().toString());
                        out.put("previous_to", p.to().toString());
                        Map<String, Object> change = new LinkedHashMap<>();
                        now.forEach((k, v) -> {
                            if (v instanceof Number n && before.get(k) instanceof Number b) {
                                change.put(k, b.doubleValue() == 0 ? null
                                        : Math.round(1000.0 * (n.doubleValue() - b.doubleValue()) / b.doubleValue())
                                                / 10.0);
                            }
                        });
                        out.put("change_percent", change);
                    }
                    return out;
                });
    }

    private ToolSpec topPages() {
        return rankedReport("engagetrack_get_top_pages", "Get EngageTrack top pages",
                "Read one site's top pages for a period, most visited first (the row fields are EngageTrack's). "
                        + "Needs the scope analytics:read.",
                "pages", null,
                (et, site) -> et.analytics().pages(site));
    }

    private ToolSpec traffic() {
        return rankedReport("engagetrack_get_traffic", "Get EngageTrack sources, referrers or campaigns",
                "Read where one site's visitors came from for a period: dimension sources (top-level source), "
                        + "referrers (referring domains) or campaigns (UTM campaigns), largest first. Needs the scope "
                        + "analytics:read.",
                "rows", List.of("sources", "referrers", "campaigns"), null);
    }

    @FunctionalInterface
    private interface ReportCall {
        AnalyticsCall<io.tally.engagetrack.model.AnalyticsReport> call(EngageTrack et, String site);
    }

    private ToolSpec rankedReport(String name, String title, String description, String key,
            @Nullable List<String> dimensions, @Nullable ReportCall fixed) {
        Schema in = windowInput(Schema.object()).property("limit", RANKED.schema());
        if (dimensions != null) {
            in.property("dimension", Schema.enumeration("Which breakdown.", dimensions));
        }
        Map<String, Object> input = in
                .required(dimensions == null ? new String[] {"site_id"} : new String[] {"site_id", "dimension"})
                .closed().build();
        Schema out = RowLimit.truncation(windowEcho(Schema.object()))
                .property(key, Schema.array("The rows, largest first, as EngageTrack sends them.",
                        Schema.freeObject("One row.")));
        if (dimensions != null) {
            out.property("dimension", Schema.string("The breakdown."));
        }
        Map<String, Object> output = out.required("site_id", "period", "from", "to", key).build();
        return new ToolSpec(name, title, description, input, output, true, (ctx, args) -> {
            String site = args.requiredString("site_id");
            Window w = window(args);
            RowLimit limit = RANKED.read(args);
            EngageTrack et = client(ctx);
            String dimension = dimensions == null ? null
                    : args.optionalChoice("dimension", dimensions, "dimension %s is not supported")
                            .orElseThrow(
                                    () -> new ToolFailure("dimension is required: sources, referrers or campaigns"));
            AnalyticsCall<io.tally.engagetrack.model.AnalyticsReport> call = fixed != null ? fixed.call(et, site)
                    : "sources".equals(dimension) ? et.analytics().sources(site)
                            : "referrers".equals(dimension) ? et.analytics().referrers(site)
                                    : et.analytics().campaigns(site);
            // one row more than asked, so that a cut list can say so
            List<JsonNode> rows = inWindow(call, w).limit(limit.value() + 1).execute().rows();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("site_id", site);
            w.echo(result);
            if (dimension != null) {
                result.put("dimension", dimension);
            }
            List<Map<String, Object>> all = maps(rows);
            result.put(key, limit.cut(all));
            result.put("truncated", all.size() > limit.value());
            result.put("total_rows", all.size() > limit.value() ? limit.value() + 1 : all.size());
            return result;
        });
    }

    private ToolSpec channels() {
        Map<String, Object> input = windowInput(Schema.object()).property("limit", RANKED.schema())
                .required("site_id").closed().build();
        Map<String, Object> output = RowLimit.truncation(windowEcho(Schema.object()))
                .property("currency", Schema.string("Currency of every revenue value, e.g. USD.").nullable())
                .property("channels", Schema.array("Channels, most visitors first.", Schema.object()
                        .property("channel", Schema.string("The channel, e.g. Organic Search."))
                        .property("visitors", Schema.integer("Unique visitors."))
                        .property("total_revenue", Schema.number("Revenue from the channel, in currency."))
                        .property("top_sources", Schema.array("Top sources in the channel.", Schema.object()
                                .property("source", Schema.string("Source."))
                                .property("visitors", Schema.integer("Unique visitors."))
                                .property("percent", Schema.number("Share of the channel's visitors, percent."))))))
                .required("site_id", "period", "from", "to", "channels").build();
        return new ToolSpec("engagetrack_get_channels", "Get EngageTrack channels with revenue",
                "Read one site's marketing channels (UTM parameters and referrers combined) for a period: visitors, "
                        + "revenue with its currency, and each channel's top sources. Needs the scope analytics:read.",
                input, output, true, (ctx, args) -> {
                    String site = args.requiredString("site_id");
                    Window w = window(args);
                    RowLimit limit = RANKED.read(args);
                    io.tally.engagetrack.model.ChannelReport report = inWindow(client(ctx).analytics().channels(site),
                            w)
                            .limit(limit.value() + 1).execute();
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("site_id", site);
                    w.echo(out);
                    out.put("currency", report.currency());
                    List<Map<String, Object>> rows = new ArrayList<>();
                    report.channels().forEach(c -> rows.add(json(c)));
                    limit.putRows(out, "channels", rows);
                    return out;
                });
    }

    private ToolSpec funnel() {
        Map<String, Object> input = windowInput(Schema.object())
                .property("funnel_id", Schema.string("The funnel's id."))
                .required("site_id", "funnel_id").closed().build();
        Map<String, Object> output = windowEcho(Schema.object())
                .property("funnel_id", Schema.string("The funnel."))
                .property("steps", Schema.array("The steps, first to last.", Schema.object()
                        .property("step_id", Schema.string("Step id.").nullable())
                        .property("name", Schema.string("Step name.").nullable())
                        .property("order", Schema.integer("1-based position."))
                        .property("visitors", Schema.integer("Visitors reaching the step."))
                        .property("dropoff_rate", Schema.number("Percent lost since the previous step."))
                        .property("conversion_rate", Schema.number("Conversion percent (EngageTrack's two definitions "
                                + "differ: from the previous step or from step 1)."))
                        .property("revenue", Schema.number("Revenue of visitors at the step."))
                        .property("top_sources",
                                Schema.array("Top sources at the step.", Schema.freeObject("A source.")))
                        .property("top_countries",
                                Schema.array("Top countries at the step.", Schema.freeObject("A country.")))))
                .required("site_id", "funnel_id", "steps").build();
        return new ToolSpec("engagetrack_analyze_funnel", "Analyze an EngageTrack funnel",
                "Analyze one funnel of a site for a period: visitors, drop-off, conversion and revenue per step, with "
                        + "each step's top sources. Needs the scope funnels:read.",
                input, output, true, (ctx, args) -> {
                    String site = args.requiredString("site_id");
                    String funnel = args.requiredString("funnel_id");
                    Window w = window(args);
                    io.tally.engagetrack.model.FunnelAnalysis a = inWindow(client(ctx).funnels().analyze(site, funnel),
                            w).execute();
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("site_id", site);
                    w.echo(out);
                    out.put("funnel_id", funnel);
                    List<Map<String, Object>> steps = new ArrayList<>();
                    a.steps().forEach(s -> steps.add(json(s)));
                    out.put("steps", steps);
                    return out;
                });
    }

    private static Schema visitorSchema() {
        return Schema.object()
                .property("id", Schema.string("Visitor id (visitor_id of engagetrack_get_visitor_timeline)."))
                .property("uid", Schema.string("Tracker UID.").nullable())
                .property("email", Schema.string("E-mail (personal data), when identified.").nullable())
                .property("name", Schema.string("Name (personal data), when identified.").nullable())
                .property("external_id", Schema.string("Your user id, when identified.").nullable())
                .property("first_seen_at", Schema.dateTime("First visit.").nullable())
                .property("last_seen_at", Schema.dateTime("Last visit.").nullable())
                .property("total_sessions", Schema.integer("Lifetime sessions."))
                .property("total_pageviews", Schema.integer("Lifetime pageviews."))
                .property("total_revenue", Schema.number("Lifetime revenue."))
                .property("last_country", Schema.string("Last country.").nullable())
                .property("last_referrer_source", Schema.string("Last traffic source.").nullable());
    }

    private static Map<String, Object> visitorJson(io.tally.engagetrack.model.Visitor v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("uid", v.uid());
        m.put("email", v.email());
        m.put("name", v.name());
        m.put("external_id", v.externalId());
        m.put("first_seen_at", v.firstSeenAt() == null ? null : v.firstSeenAt().toString());
        m.put("last_seen_at", v.lastSeenAt() == null ? null : v.lastSeenAt().toString());
        m.put("total_sessions", v.totalSessions());
        m.put("total_pageviews", v.totalPageviews());
        m.put("total_revenue", v.totalRevenue());
        m.put("last_country", v.lastCountry());
        m.put("last_referrer_source", v.lastReferrerSource());
        return m;
    }

    private ToolSpec listVisitors() {
        Map<String, Object> input = Schema.object()
                .property("site_id", Schema.string("The site's id (from engagetrack_list_sites)."))
                .property("search",
                        Schema.string("Only visitors whose e-mail, name, UID or external id contains this."))
                .property("page", Schema.integer("Page, from 1 (default 1).").minimum(1))
                .property("limit",
                        Schema.integer("Visitors per page (default 20, at most 100).").minimum(1).maximum(100))
                .required("site_id").closed().build();
        Map<String, Object> output = Schema.object()
                .property("site_id", Schema.string("The site."))
                .property("page", Schema.integer("This page."))
                .property("total", Schema.integer("Matching visitors in all pages.").nullable())
                .property("truncated", Schema.bool("True when more pages follow."))
                .property("visitors", Schema.array("Visitors, most recently seen first.", visitorSchema()))
                .required("site_id", "page", "visitors", "truncated").build();
        return new ToolSpec("engagetrack_list_visitors", "List EngageTrack visitors (personal data)",
                "List one site's visitors, most recently seen first, optionally searched by e-mail, name, UID or "
                        + "external id. PERSONAL DATA: identified visitors carry their e-mail address and name; use "
                        + "only what the question needs. Paged (page, limit up to 100). Needs the scope visitors:read.",
                input, output, true, (ctx, args) -> {
                    String site = args.requiredString("site_id");
                    int page = args.optionalInt("page").orElse(1);
                    int limit = Math.min(100, Math.max(1, args.optionalInt("limit").orElse(20)));
                    if (page < 1) {
                        throw new ToolFailure("page must be 1 or more, got " + page);
                    }
                    io.tally.engagetrack.VisitorListRequest req = client(ctx).visitors().list(site).page(page)
                            .limit(limit);
                    args.optionalString("search").ifPresent(req::search);
                    io.tally.engagetrack.model.VisitorPage p = req.execute();
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("site_id", site);
                    out.put("page", page);
                    out.put("total", p.total());
                    out.put("truncated",
                            p.total() != null ? (long) page * limit < p.total() : p.visitors().size() == limit);
                    List<Map<String, Object>> rows = new ArrayList<>();
                    p.visitors().forEach(v -> rows.add(visitorJson(v)));
                    out.put("visitors", rows);
                    return out;
                });
    }

    private ToolSpec visitorTimeline() {
        Map<String, Object> input = Schema.object()
                .property("site_id", Schema.string("The site's id."))
                .property("visitor_id", Schema.string("The visitor's id (from engagetrack_list_visitors)."))
                .property("limit",
                        Schema.integer("Events to return (default 50, at most 100).").minimum(1).maximum(100))
                .required("site_id", "visitor_id").closed().build();
        Map<String, Object> output = Schema.object()
                .property("site_id", Schema.string("The site."))
                .property("visitor", visitorSchema())
                .property("events", Schema.array("The visitor's events, oldest first.", Schema.object()
                        .property("event_type", Schema.string("pageview, goal, purchase or form."))
                        .property("timestamp", Schema.dateTime("When.").nullable())
                        .property("page_url", Schema.string("Page URL.").nullable())
                        .property("event_name", Schema.string("Event or goal name.").nullable())
                        .property("revenue", Schema.number("Amount of a purchase.").nullable())
                        .property("currency", Schema.string("Currency of the amount.").nullable())
                        .property("referrer_source", Schema.string("Source of this event.").nullable())))
                .property("total", Schema.integer("Events in the whole timeline.").nullable())
                .property("truncated", Schema.bool("True when the timeline has more events than returned."))
                .required("site_id", "visitor", "events", "truncated").build();
        return new ToolSpec("engagetrack_get_visitor_timeline", "Get an EngageTrack visitor's timeline (personal data)",
                "Read one visitor's profile and chronological events (pageviews, goals, purchases with revenue). "
                        + "PERSONAL DATA: the profile carries the e-mail address and name of identified visitors. "
                        + "Needs the scope visitors:read.",
                input, output, true, (ctx, args) -> {
                    String site = args.requiredString("site_id");
                    int limit = Math.min(100, Math.max(1, args.optionalInt("limit").orElse(50)));
                    io.tally.engagetrack.model.VisitorTimeline t = client(ctx).visitors()
                            .timeline(site, args.requiredString("visitor_id")).limit(limit).execute();
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("site_id", site);
                    out.put("visitor", visitorJson(t.visitor()));
                    List<Map<String, Object>> events = new ArrayList<>();
                    t.timeline().forEach(e -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("event_type", e.eventType());
                        m.put("timestamp", e.timestamp() == null ? null : e.timestamp().toString());
                        m.put("page_url", e.pageUrl());
                        m.put("event_name", e.eventName());
                        m.put("revenue", e.revenue());
                        m.put("currency", e.currency());
                        m.put("referrer_source", e.referrerSource());
                        events.add(m);
                    });
                    out.put("events", events);
                    out.put("total", t.total());
                    out.put("truncated", t.total() != null ? t.total() > events.size() : events.size() == limit);
                    return out;
                });
    }

    private String help(List<ToolSpec> tools) {
        StringBuilder sb = new StringBuilder();
        sb.append("""
                # EngageTrack tools (Tally MCP server)

                These tools read EngageTrack analytics through the Tally Java SDK. They only read.

                ## Access
                - Every call uses the caller's own API key (`Authorization: Bearer et_live_...`) and organisation
                  (`X-EngageTrack-Org-Id: <organisation id>`, or ENGAGETRACK_ORG_ID on the server).
                - Scopes: analytics:read (stats, pages, channels, sources, referrers, campaigns), sites:read
                  (engagetrack_list_sites), funnels:read (funnel analysis), visitors:read (visitor tools). A missing
                  scope is named in the error; write scopes do not imply read scopes.
                - Organisations on the Maker plan have no API access (402).
                - EngageTrack allows 600 analytics requests a minute per key.

                ## Periods
                - `period`: day, 7d, 30d (default), month or 12mo, ending today (UTC); or `from` and `to` as YYYY-MM-DD.
                - engagetrack_get_stats compares with the window just before, of the same length.

                ## Rows
                - Ranked lists return `limit` rows (default 10, at most 100) and say when they were cut
                  (`truncated`, `total_rows`).

                ## Personal data
                """);
        sb.append(visitorTools
                ? "- engagetrack_list_visitors and engagetrack_get_visitor_timeline return e-mail addresses and names of "
                        + "identified visitors. The operator can leave them out (ENGAGETRACK_MCP_VISITOR_TOOLS=off).\n"
                : "- The visitor tools are switched off on this server (ENGAGETRACK_MCP_VISITOR_TOOLS=off).\n");
        sb.append("\n## Tools\n");
        for (ToolSpec t : tools) {
            sb.append("- `").append(t.name()).append("`: ").append(t.title()).append('\n');
        }
        sb.append("- `engagetrack_get_mcp_help`: this text\n");
        return sb.toString();
    }

    @Override
    public String name() {
        return EngageTrackProvider.NAME;
    }

    @Override
    public String displayName() {
        return EngageTrackProvider.DISPLAY_NAME;
    }

    @Override
    public String instructions() {
        return "EngageTrack web analytics, read with the caller's own API key and organisation. Start with "
                + "engagetrack_list_sites for a site_id, then engagetrack_get_stats (with comparison), "
                + "engagetrack_get_top_pages, engagetrack_get_channels (revenue), engagetrack_get_traffic, "
                + "engagetrack_analyze_funnel" + (visitorTools ? ", and the visitor tools (personal data)" : "")
                + ". Periods: day, 7d, 30d (default), month, 12mo or from/to days. Usage: " + HELP_URI + ".";
    }

    @Override
    public List<ToolSpec> tools() {
        return tools;
    }

    @Override
    public List<ResourceSpec> resources() {
        return resources;
    }

    @Override
    public List<io.tally.mcp.tool.CallerHeader> callerHeaders() {
        return List.of(EngageTrackProvider.ORGANIZATION);
    }

    @Override
    public ErrorTranslator errorTranslator() {
        return errors;
    }
}
