package io.tally.mcp.hitkeep;

import static io.tally.mcp.hitkeep.HitKeepSupport.echo;
import static io.tally.mcp.hitkeep.HitKeepSupport.filters;
import static io.tally.mcp.tool.ToolJson.json;
import static io.tally.mcp.tool.ToolJson.jsonList;
import static io.tally.mcp.hitkeep.HitKeepSupport.metricRows;
import static io.tally.mcp.hitkeep.HitKeepSupport.siteId;
import static io.tally.mcp.hitkeep.HitKeepSupport.siteWindow;
import static io.tally.mcp.tool.RowLimit.truncatedLists;
import static io.tally.mcp.tool.RowLimit.truncation;
import static io.tally.mcp.hitkeep.HitKeepSupport.windowEcho;

import io.tally.hitkeep.HitKeep;
import io.tally.hitkeep.HitsRequest;
import io.tally.hitkeep.StatsRequest;
import io.tally.hitkeep.model.GoalStats;
import io.tally.hitkeep.model.Hit;
import io.tally.hitkeep.model.HitPage;
import io.tally.hitkeep.model.HitSort;
import io.tally.hitkeep.model.MetricStat;
import io.tally.hitkeep.model.Site;
import io.tally.hitkeep.model.SiteStats;
import io.tally.hitkeep.model.StatsComparison;
import io.tally.mcp.tool.Arguments;
import io.tally.mcp.tool.DateWindow;
import io.tally.mcp.tool.RowLimit;
import io.tally.mcp.tool.Schema;
import io.tally.mcp.tool.ToolFailure;
import io.tally.mcp.tool.ToolSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The site-level tools: {@code hitkeep_list_sites} and {@code hitkeep_get_site_overview} (HitKeep's own), plus
 * {@code hitkeep_get_breakdown}, {@code hitkeep_compare_periods}, {@code hitkeep_get_realtime} and
 * {@code hitkeep_search_hits}.
 */
final class SiteTools {
    /** Overview sections and the top lists each one holds (as HitKeep 2.13's overview groups them). */
    private static final Map<String, List<String>> SECTION_LISTS = new LinkedHashMap<>();
    /** Breakdown dimensions and the stats list each one reads. */
    private static final Map<String, Function<SiteStats, List<MetricStat>>> DIMENSIONS = new LinkedHashMap<>();

    static {
        SECTION_LISTS.put("chart", List.of());
        SECTION_LISTS.put("pages", List.of("top_pages", "top_landing_pages", "top_exit_pages"));
        SECTION_LISTS.put("sources", List.of("top_referrers", "top_ai_sources"));
        SECTION_LISTS.put("audience", List.of("top_devices", "top_countries", "top_cities", "top_providers", "top_asns",
                "top_browsers", "top_languages"));
        SECTION_LISTS.put("ai", List.of("top_ai_bots"));
        SECTION_LISTS.put("utm", List.of("top_utm_campaigns", "top_utm_contents", "top_utm_mediums", "top_utm_sources",
                "top_utm_terms"));
        SECTION_LISTS.put("goals", List.of());

        DIMENSIONS.put("page", SiteStats::topPages);
        DIMENSIONS.put("landing_page", SiteStats::topLandingPages);
        DIMENSIONS.put("exit_page", SiteStats::topExitPages);
        DIMENSIONS.put("referrer", SiteStats::topReferrers);
        DIMENSIONS.put("country", SiteStats::topCountries);
        DIMENSIONS.put("city", SiteStats::topCities);
        DIMENSIONS.put("device", SiteStats::topDevices);
        DIMENSIONS.put("browser", SiteStats::topBrowsers);
        DIMENSIONS.put("language", SiteStats::topLanguages);
        DIMENSIONS.put("provider", SiteStats::topProviders);
        DIMENSIONS.put("asn", SiteStats::topAsns);
        DIMENSIONS.put("ai_source", SiteStats::topAiSources);
        DIMENSIONS.put("ai_bot", SiteStats::topAiBots);
        DIMENSIONS.put("utm_source", SiteStats::topUtmSources);
        DIMENSIONS.put("utm_medium", SiteStats::topUtmMediums);
        DIMENSIONS.put("utm_campaign", SiteStats::topUtmCampaigns);
        DIMENSIONS.put("utm_content", SiteStats::topUtmContents);
        DIMENSIONS.put("utm_term", SiteStats::topUtmTerms);
    }

    private SiteTools() {}

    static List<ToolSpec> specs(HitKeepModule m) {
        return List.of(listSites(m), overview(m), breakdown(m), comparePeriods(m), realtime(m), searchHits(m));
    }

    // ---- hitkeep_list_sites --------------------------------------------------------------------------------

    private static ToolSpec listSites(HitKeepModule m) {
        Map<String, Object> input = Schema.object()
                .property("limit", HitKeepRules.ENUMERATION.schema())
                .closed()
                .build();
        Schema site = Schema.object("A site the token may read.")
                .property("id", Schema.string("The site's id (use it as site_id).").format("uuid"))
                .property("user_id", Schema.string("The owner's user id."))
                .property("domain", Schema.string("The tracked domain, e.g. shop.example.com."))
                .property("owner_email", Schema.string("The owner's e-mail, when HitKeep shares it."))
                .property("data_retention_days", Schema.integer("How long raw data is kept."))
                .property("created_at", Schema.dateTime("When the site was added."));
        Map<String, Object> output = truncation(Schema.object()
                .property("sites", Schema.array("The sites this token holds a grant for.", site)))
                .required("sites")
                .build();
        return new ToolSpec("hitkeep_list_sites", "List HitKeep sites",
                "List the HitKeep sites the caller's API token can read (only sites with an explicit grant): id, "
                        + "domain, retention, creation time. Call this first: every other tool needs a site_id from it.",
                input, output, true, (ctx, args) -> {
                    RowLimit limit = HitKeepRules.ENUMERATION.read(args);
                    List<Site> sites = m.client(ctx).sites().list().execute();
                    Map<String, Object> out = new LinkedHashMap<>();
                    limit.putRows(out, "sites", jsonList(sites));
                    return out;
                });
    }

    // ---- hitkeep_get_site_overview -------------------------------------------------------------------------

    private static ToolSpec overview(HitKeepModule m) {
        Map<String, Object> input = siteWindow(Schema.object())
                .property("compare_from", Schema.dateTime("Start of a comparison window (RFC 3339), e.g. the previous "
                        + "period; compare_from and compare_to are required together."))
                .property("compare_to", Schema.dateTime("End of the comparison window (RFC 3339)."))
                .property("filters", HitKeepSupport.filters())
                .property("sections", Schema.array("Which parts to return besides the KPIs (default: all): chart, "
                        + "pages, sources, audience, ai, utm, goals. Ask only for what the question needs.",
                        Schema.enumeration("A section.", new ArrayList<>(SECTION_LISTS.keySet()))))
                .property("limit", HitKeepRules.RANKED.schema())
                .required("site_id")
                .closed()
                .build();
        Schema kpis = Schema.object("Traffic numbers for the window. Durations in seconds, rates in percent.")
                .property("live_visitors", Schema.integer("Sessions with a hit in the last five minutes."))
                .property("total_pageviews", Schema.integer("Pageviews."))
                .property("unique_sessions", Schema.integer("Sessions (visits)."))
                .property("bounce_rate", Schema.number("Single-page sessions, percent."))
                .property("avg_session_duration", Schema.number("Average session length, seconds."))
                .property("pages_per_session", Schema.number("Pageviews per session."))
                .property("chart_data", Schema.array("Pageviews and visitors over time (section chart).",
                        Schema.object()))
                .property("top_pages", metricRows("Most viewed pages."))
                .property("top_referrers", metricRows("Top referrers; (Direct) means none."))
                .property("goals", Schema.array("Goal conversions (section goals).", Schema.object()))
                .property("comparison", Schema.object("The same KPIs for the comparison window, when asked."));
        Map<String, Object> output = truncatedLists(windowEcho(Schema.object()))
                .property("compare_from", Schema.dateTime("Effective start of the comparison window."))
                .property("compare_to", Schema.dateTime("Effective end of the comparison window."))
                .property("stats", kpis)
                .required("site_id", "from", "to", "stats")
                .build();
        return new ToolSpec("hitkeep_get_site_overview", "Get HitKeep site overview",
                "Read one site's traffic KPIs for a window (pageviews, unique sessions, bounce rate, average session "
                        + "duration in seconds, pages per session, live visitors) with the chart series and top lists "
                        + "(pages, landing and exit pages, referrers, devices, countries, cities, providers, ASNs, "
                        + "browsers, languages, AI bots and sources, UTM values) and goal conversions. Set "
                        + "compare_from/compare_to for a comparison block; use sections to ask only for what you need. "
                        + "Top lists are cut to 'limit' (truncated_lists names the cut ones).",
                input, output, true, m.siteWindow((ctx, args, siteId, window) -> {
                    Optional<DateWindow> compare = m.window().resolveComparison(args);
                    Set<String> sections = overviewSections(args);
                    RowLimit limit = HitKeepRules.RANKED.read(args);
                    StatsRequest request = m.client(ctx).sites().stats(siteId).range(window.toRange())
                            .filters(filters(args));
                    compare.ifPresent(c -> request.compareWith(c.toRange()));
                    SiteStats stats = request.execute();

                    Map<String, Object> statsJson = json(stats);
                    Map<String, Object> truncated = new LinkedHashMap<>();
                    for (Map.Entry<String, List<String>> section : SECTION_LISTS.entrySet()) {
                        for (String list : section.getValue()) {
                            if (!sections.contains(section.getKey())) {
                                statsJson.remove(list);
                            } else if (statsJson.get(list) instanceof List<?> rows) {
                                limit.putList(statsJson, list, rows, truncated);
                            }
                        }
                    }
                    if (!sections.contains("chart")) {
                        statsJson.remove("chart_data");
                        removeFromComparison(statsJson, "chart_data");
                    }
                    if (!sections.contains("goals")) {
                        statsJson.remove("goals");
                        statsJson.remove("funnels");
                        removeFromComparison(statsJson, "goals");
                    }
                    Map<String, Object> out = echo(siteId, window);
                    compare.ifPresent(c -> {
                        out.put("compare_from", c.fromText());
                        out.put("compare_to", c.toText());
                    });
                    out.put("stats", statsJson);
                    out.put("truncated", !truncated.isEmpty());
                    out.put("truncated_lists", truncated);
                    return out;
                }));
    }

    private static void removeFromComparison(Map<String, Object> stats, String key) {
        if (stats.get("comparison") instanceof Map<?, ?> comparison) {
            comparison.remove(key);
        }
    }

    private static Set<String> overviewSections(Arguments args) {
        List<String> requested = args.stringList("sections");
        if (requested.isEmpty()) {
            return SECTION_LISTS.keySet();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String s : requested) {
            String n = s.toLowerCase(Locale.ROOT);
            if (!SECTION_LISTS.containsKey(n)) {
                throw new ToolFailure("invalid section \"" + s + "\"; expected any of "
                        + String.join(", ", SECTION_LISTS.keySet()));
            }
            out.add(n);
        }
        return out;
    }

    // ---- hitkeep_get_breakdown -----------------------------------------------------------------------------

    private static ToolSpec breakdown(HitKeepModule m) {
        List<String> dimensions = new ArrayList<>(DIMENSIONS.keySet());
        Map<String, Object> input = siteWindow(Schema.object())
                .property("dimension", Schema.enumeration("What to break the traffic down by.", dimensions))
                .property("filters", HitKeepSupport.filters())
                .property("compare_from", Schema.dateTime("Start of a comparison window (RFC 3339); with compare_to, "
                        + "rows show their change, largest movers first."))
                .property("compare_to", Schema.dateTime("End of the comparison window (RFC 3339)."))
                .property("limit", HitKeepRules.RANKED.schema())
                .required("site_id", "dimension")
                .closed()
                .build();
        Schema row = Schema.object("One value of the dimension.")
                .property("name", Schema.string("The label, as HitKeep normalises it ((Direct), (Unknown)...)."))
                .property("value", Schema.integer("HitKeep's count for the label in the window, as in its top list."))
                .property("previous_value", Schema.integer("The count in the comparison window."))
                .property("change", Schema.integer("value - previous_value."))
                .property("share_of_change", Schema.number("This row's share of the total change (-1..1).").nullable());
        Map<String, Object> output = truncation(windowEcho(Schema.object()))
                .property("dimension", Schema.string("The dimension."))
                .property("compare_from", Schema.dateTime("Effective start of the comparison window."))
                .property("compare_to", Schema.dateTime("Effective end of the comparison window."))
                .property("total_change", Schema.integer("Sum of all rows' change (with a comparison)."))
                .property("rows", Schema.array("Rows, largest first (largest movers first with a comparison).", row))
                .required("site_id", "from", "to", "dimension", "rows")
                .build();
        return new ToolSpec("hitkeep_get_breakdown", "Get HitKeep breakdown",
                "Break one site's traffic down by one dimension (page, landing_page, exit_page, referrer, country, "
                        + "city, device, browser, language, provider, asn, ai_source, ai_bot, utm_source, utm_medium, "
                        + "utm_campaign, utm_content, utm_term) for a window, with optional filters. With "
                        + "compare_from/compare_to each row also shows its previous count and change, largest movers "
                        + "first: use it to explain why traffic moved. Reads HitKeep's top list for the dimension "
                        + "(which HitKeep itself may cap); rows are cut to 'limit' and marked truncated.",
                input, output, true, (ctx, args) -> {
                    String siteId = args.requiredUuid("site_id");
                    String dimension = args.optionalChoice("dimension", dimensions, "invalid dimension \"%s\"")
                            .orElseThrow(() -> new ToolFailure("dimension is required; one of "
                                    + String.join(", ", dimensions)));
                    DateWindow window = m.window().resolve(args, m.clock());
                    Optional<DateWindow> compare = m.window().resolveComparison(args);
                    RowLimit limit = HitKeepRules.RANKED.read(args);
                    HitKeep hk = m.client(ctx);
                    // optionalChoice allowed only the keys of DIMENSIONS
                    Function<SiteStats, List<MetricStat>> list = Objects.requireNonNull(DIMENSIONS.get(dimension));
                    List<MetricStat> current = list.apply(hk.sites().stats(siteId).range(window.toRange())
                            .filters(filters(args)).execute());
                    Map<String, Object> out = echo(siteId, window);
                    out.put("dimension", dimension);
                    if (!compare.isPresent()) {
                        limit.putRows(out, "rows", jsonList(current));
                        return out;
                    }
                    List<MetricStat> previous = list.apply(hk.sites().stats(siteId).range(compare.get().toRange())
                            .filters(filters(args)).execute());
                    out.put("compare_from", compare.get().fromText());
                    out.put("compare_to", compare.get().toText());
                    List<Map<String, Object>> movers = movers(current, previous);
                    long total = 0;
                    for (Map<String, Object> r : movers) {
                        total += change(r);
                    }
                    for (Map<String, Object> r : movers) {
                        r.put("share_of_change", total == 0 ? null
                                : Math.round(change(r) * 1000.0 / total) / 1000.0);
                    }
                    out.put("total_change", total);
                    limit.putRows(out, "rows", movers);
                    return out;
                });
    }

    private static List<Map<String, Object>> movers(List<MetricStat> current, List<MetricStat> previous) {
        Map<String, long[]> byName = new LinkedHashMap<>();
        for (MetricStat s : current) {
            byName.computeIfAbsent(s.name(), k -> new long[2])[0] = s.value();
        }
        for (MetricStat s : previous) {
            byName.computeIfAbsent(s.name(), k -> new long[2])[1] = s.value();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, long[]> e : byName.entrySet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", e.getKey());
            row.put("value", e.getValue()[0]);
            row.put("previous_value", e.getValue()[1]);
            row.put("change", e.getValue()[0] - e.getValue()[1]);
            rows.add(row);
        }
        rows.sort(Comparator.<Map<String, Object>>comparingLong(r -> -Math.abs(change(r)))
                .thenComparing(r -> (String) r.get("name")));
        return rows;
    }

    /** A mover's change (every row of {@link #movers} has one). */
    private static long change(Map<String, Object> row) {
        return (Long) Objects.requireNonNull(row.get("change"), "change");
    }

    // ---- hitkeep_compare_periods ---------------------------------------------------------------------------

    private static final List<String> KPIS = Arrays.asList("total_pageviews", "unique_sessions", "bounce_rate",
            "avg_session_duration", "pages_per_session", "total_conversions");

    private static ToolSpec comparePeriods(HitKeepModule m) {
        Map<String, Object> input = siteWindow(Schema.object())
                .property("compare_from", Schema.dateTime("Start of the earlier window (RFC 3339). Default: the "
                        + "window of the same length just before 'from'."))
                .property("compare_to", Schema.dateTime("End of the earlier window (RFC 3339); required with "
                        + "compare_from."))
                .property("filters", HitKeepSupport.filters())
                .required("site_id")
                .closed()
                .build();
        Schema numbers = Schema.object("KPIs of one window. Durations in seconds, rates in percent.");
        for (String k : KPIS) {
            numbers.property(k, Schema.number(k.replace('_', ' ') + "."));
        }
        Schema changeSchema = Schema.object("Change per KPI: absolute difference and percent change (null when the "
                + "earlier value is 0).");
        for (String k : KPIS) {
            changeSchema.property(k, Schema.object()
                    .property("absolute", Schema.number("current - previous."))
                    .property("percent", Schema.number("(current - previous) / previous * 100.").nullable()));
        }
        Schema goal = Schema.object("One goal in both windows.")
                .property("goal_id", Schema.string("The goal's id."))
                .property("name", Schema.string("The goal's name."))
                .property("conversions", Schema.integer("Conversions in the window."))
                .property("previous_conversions", Schema.integer("Conversions in the earlier window."))
                .property("change", Schema.integer("conversions - previous_conversions."));
        Map<String, Object> output = windowEcho(Schema.object())
                .property("compare_from", Schema.dateTime("Effective start of the earlier window."))
                .property("compare_to", Schema.dateTime("Effective end of the earlier window."))
                .property("current", numbers)
                .property("previous", numbers)
                .property("change", changeSchema)
                .property("goals", Schema.array("Goal conversions in both windows.", goal))
                .required("site_id", "from", "to", "compare_from", "compare_to", "current", "previous", "change")
                .build();
        return new ToolSpec("hitkeep_compare_periods", "Compare HitKeep periods",
                "Compare one site's KPIs (pageviews, sessions, bounce rate, session duration in seconds, pages per "
                        + "session, goal conversions) between a window and an earlier one (default: the window of the "
                        + "same length right before it), with absolute and percent change per KPI and per goal. For "
                        + "which pages or sources drove a change, use hitkeep_get_breakdown with compare_from/compare_to.",
                input, output, true, m.siteWindow((ctx, args, siteId, window) -> {
                    DateWindow earlier = m.window().resolveComparison(args).orElse(window.previous());
                    SiteStats stats = m.client(ctx).sites().stats(siteId).range(window.toRange())
                            .filters(filters(args)).compareWith(earlier.toRange()).execute();
                    StatsComparison before = stats.comparison().orElse(null);
                    if (before == null) {
                        throw new ToolFailure("HitKeep returned no comparison block; this HitKeep version may not "
                                + "support compare_from/compare_to on /stats. Call hitkeep_get_site_overview once per "
                                + "window instead.");
                    }
                    Map<String, Object> current = new LinkedHashMap<>();
                    current.put("total_pageviews", stats.totalPageviews());
                    current.put("unique_sessions", stats.uniqueSessions());
                    current.put("bounce_rate", stats.bounceRatePercent());
                    current.put("avg_session_duration", stats.avgSessionDurationSeconds());
                    current.put("pages_per_session", stats.pagesPerSession());
                    long conversions = 0;
                    for (GoalStats g : stats.goals()) {
                        conversions += g.conversions();
                    }
                    current.put("total_conversions", conversions);
                    Map<String, Object> previous = new LinkedHashMap<>();
                    previous.put("total_pageviews", before.totalPageviews());
                    previous.put("unique_sessions", before.uniqueSessions());
                    previous.put("bounce_rate", before.bounceRatePercent());
                    previous.put("avg_session_duration", before.avgSessionDurationSeconds());
                    previous.put("pages_per_session", before.pagesPerSession());
                    previous.put("total_conversions", before.totalConversions());
                    Map<String, Object> change = new LinkedHashMap<>();
                    for (String k : KPIS) {
                        // both maps hold every KPI
                        double now = ((Number) Objects.requireNonNull(current.get(k), k)).doubleValue();
                        double then = ((Number) Objects.requireNonNull(previous.get(k), k)).doubleValue();
                        Map<String, Object> c = new LinkedHashMap<>();
                        c.put("absolute", round(now - then));
                        c.put("percent", then == 0 ? null : round((now - then) / then * 100));
                        change.put(k, c);
                    }
                    Map<String, Long> previousGoals = new HashMap<>();
                    for (GoalStats g : before.goals()) {
                        previousGoals.put(g.goalId(), g.conversions());
                    }
                    List<Map<String, Object>> goals = new ArrayList<>();
                    for (GoalStats g : stats.goals()) {
                        long then = previousGoals.getOrDefault(g.goalId(), 0L);
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("goal_id", g.goalId());
                        row.put("name", g.name());
                        row.put("conversions", g.conversions());
                        row.put("previous_conversions", then);
                        row.put("change", g.conversions() - then);
                        goals.add(row);
                    }
                    Map<String, Object> out = echo(siteId, window);
                    out.put("compare_from", earlier.fromText());
                    out.put("compare_to", earlier.toText());
                    out.put("current", current);
                    out.put("previous", previous);
                    out.put("change", change);
                    out.put("goals", goals);
                    return out;
                }));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    // ---- hitkeep_get_realtime ------------------------------------------------------------------------------

    private static ToolSpec realtime(HitKeepModule m) {
        Map<String, Object> input = Schema.object()
                .property("site_id", siteId())
                .property("minutes", Schema.integer("How far back 'recent' reaches, 1-1440 minutes (default 30)."))
                .property("limit", HitKeepRules.RANKED.schema())
                .required("site_id")
                .closed()
                .build();
        Schema hit = Schema.object("One recent pageview.")
                .property("timestamp", Schema.dateTime("When it happened."))
                .property("path", Schema.string("The page."))
                .property("referrer", Schema.string("Where the visitor came from."))
                .property("country_code", Schema.string("Visitor country."));
        Map<String, Object> output = truncation(Schema.object())
                .property("site_id", Schema.string("The site's id.").format("uuid"))
                .property("as_of", Schema.dateTime("When the snapshot was taken (UTC)."))
                .property("window_minutes", Schema.integer("The 'recent' window."))
                .property("live_visitors", Schema.integer("Sessions with a hit in the last five minutes."))
                .property("pageviews", Schema.integer("Pageviews in the window."))
                .property("sessions", Schema.integer("Sessions in the window."))
                .property("top_pages", metricRows("Most viewed pages in the window (up to 5)."))
                .property("recent_hits", Schema.array("The latest pageviews, newest first.", hit))
                .required("site_id", "as_of", "window_minutes", "live_visitors", "recent_hits")
                .build();
        return new ToolSpec("hitkeep_get_realtime", "Get HitKeep realtime snapshot",
                "Take a snapshot of what is happening on one site right now: live visitors (sessions active in the "
                        + "last five minutes), pageviews and sessions in the last few minutes, the top pages and the "
                        + "latest pageviews (path, referrer, country). A one-off read, not a stream: call it again "
                        + "to refresh.",
                input, output, true, (ctx, args) -> {
                    String siteId = args.requiredUuid("site_id");
                    int minutes = args.optionalInt("minutes").orElse(30);
                    if (minutes < 1 || minutes > 1440) {
                        throw new ToolFailure("minutes must be between 1 and 1440, got " + minutes);
                    }
                    RowLimit limit = HitKeepRules.RANKED.read(args);
                    Instant now = m.clock().instant().truncatedTo(ChronoUnit.SECONDS);
                    DateWindow window = new DateWindow(now.minus(Duration.ofMinutes(minutes)), now);
                    HitKeep hk = m.client(ctx);
                    SiteStats stats = hk.sites().stats(siteId).range(window.toRange()).execute();
                    HitPage page = hk.sites().hits(siteId).range(window.toRange()).sort(HitSort.TIMESTAMP).descending()
                            .pageSize(limit.value()).execute();
                    List<Map<String, Object>> recent = new ArrayList<>();
                    for (Hit h : page.items()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        if (h.timestamp() != null) {
                            row.put("timestamp", DateWindow.format(h.timestamp()));
                        }
                        putIfPresent(row, "path", h.path());
                        putIfPresent(row, "referrer", h.referrer());
                        putIfPresent(row, "country_code", h.countryCode());
                        recent.add(row);
                    }
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("site_id", siteId);
                    out.put("as_of", DateWindow.format(now));
                    out.put("window_minutes", minutes);
                    out.put("live_visitors", stats.liveVisitors());
                    out.put("pageviews", stats.totalPageviews());
                    out.put("sessions", stats.uniqueSessions());
                    out.put("top_pages", jsonList(new RowLimit(5, 5).cut(stats.topPages())));
                    out.put("recent_hits", recent);
                    out.put("truncated", page.total() > recent.size());
                    out.put("total_rows", Math.max(page.total(), recent.size()));
                    return out;
                });
    }

    private static void putIfPresent(Map<String, Object> row, String key, Object value) {
        if (value != null) {
            row.put(key, value);
        }
    }

    // ---- hitkeep_search_hits -------------------------------------------------------------------------------

    private static ToolSpec searchHits(HitKeepModule m) {
        Map<String, Object> input = siteWindow(Schema.object())
                .property("q", Schema.string("Case-insensitive text to find in the path, hostname, referrer, user "
                        + "agent, UTM values or QR code id."))
                .property("filters", HitKeepSupport.filters())
                .property("limit", HitKeepRules.HITS.schema())
                .property("offset", Schema.integer("Matching hits to skip, for the next page (default 0)."))
                .property("sort", Schema.enumeration("Sort key (default timestamp).", "timestamp", "path", "referrer"))
                .property("order", Schema.enumeration("Sort order (default desc: newest first).", "asc", "desc"))
                .required("site_id")
                .closed()
                .build();
        Map<String, Object> output = truncation(windowEcho(Schema.object()))
                .property("hits", Schema.array("Raw pageviews, one per row.", Schema.object()
                        .property("id", Schema.string("The hit's id."))
                        .property("timestamp", Schema.dateTime("When it happened."))
                        .property("path", Schema.string("The page path."))))
                .property("total", Schema.integer("All hits matching the search in the window."))
                .property("offset", Schema.integer("Hits skipped."))
                .required("site_id", "from", "to", "hits", "total")
                .build();
        return new ToolSpec("hitkeep_search_hits", "Search HitKeep raw hits",
                "Search one site's RAW hits: individual pageviews with timestamp, path, hostname, referrer, user "
                        + "agent, country, city, network provider, screen sizes, UTM values and session id, newest "
                        + "first. Use it to inspect specific visits or debug tracking; for totals and rankings use the "
                        + "aggregate tools (overview, breakdown), which are cheaper and complete. q searches path, "
                        + "hostname, referrer, user agent, UTM values and QR id; filters match exactly. Paged with "
                        + "limit (at most 100) and offset; 'total' counts every match.",
                input, output, true, m.siteWindow((ctx, args, siteId, window) -> {
                    RowLimit limit = HitKeepRules.HITS.read(args);
                    long offset = args.optionalLong("offset").orElse(0L);
                    if (offset < 0) {
                        throw new ToolFailure("offset must be 0 or more, got " + offset);
                    }
                    HitsRequest request = m.client(ctx).sites().hits(siteId).range(window.toRange())
                            .filters(filters(args)).pageSize(limit.value()).offset(offset);
                    args.optionalString("q").ifPresent(request::search);
                    args.optionalChoice("sort", List.of("timestamp", "path", "referrer"), "invalid sort \"%s\"")
                            .ifPresent(s -> request.sort(HitSort.of(s)));
                    String order = args.optionalChoice("order", List.of("asc", "desc"), "invalid order \"%s\"")
                            .orElse("desc");
                    if (order.equals("asc")) {
                        request.ascending();
                    } else {
                        request.descending();
                    }
                    HitPage page = request.execute();
                    Map<String, Object> out = echo(siteId, window);
                    List<Map<String, Object>> hits = jsonList(limit.cut(page.data()));
                    out.put("hits", hits);
                    out.put("total", page.total());
                    out.put("offset", offset);
                    out.put("truncated", offset + hits.size() < page.total());
                    out.put("total_rows", page.total());
                    return out;
                }));
    }
}
