package io.tally.mcp.hitkeep;

import static io.tally.mcp.hitkeep.HitKeepSupport.echo;
import static io.tally.mcp.tool.ToolJson.json;
import static io.tally.mcp.hitkeep.HitKeepSupport.siteId;
import static io.tally.mcp.hitkeep.HitKeepSupport.siteWindow;
import static io.tally.mcp.hitkeep.HitKeepSupport.windowEcho;

import io.tally.hitkeep.HitKeep;
import io.tally.hitkeep.SearchConsole;
import io.tally.hitkeep.model.SearchConsoleDimension;
import io.tally.hitkeep.model.SearchConsoleDimensionReport;
import io.tally.hitkeep.model.SearchConsoleSiteMapping;
import io.tally.hitkeep.model.SearchConsoleSyncStatus;
import io.tally.mcp.tool.Arguments;
import io.tally.mcp.tool.DateWindow;
import io.tally.mcp.tool.RowLimit;
import io.tally.mcp.tool.Schema;
import io.tally.mcp.tool.ToolFailure;
import io.tally.mcp.tool.ToolJson;
import io.tally.mcp.tool.ToolSpec;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code hitkeep_get_search_console_status} and {@code hitkeep_get_search_console}. */
final class SearchConsoleTools {
    private static final List<String> SECTIONS = List.of("overview", "series", "queries", "pages", "country", "device");

    private SearchConsoleTools() {}

    static List<ToolSpec> specs(HitKeepModule m) {
        return List.of(status(m), reports(m));
    }

    private static Schema syncStatusSchema() {
        return Schema.object("The import's state.")
                .property("state", Schema.string("e.g. idle, pending, running, failed, needs_attention."))
                .property("imported_start_date", Schema.string("First imported day (YYYY-MM-DD)."))
                .property("imported_end_date", Schema.string("Last imported day (YYYY-MM-DD)."))
                .property("last_success_at", Schema.dateTime("Last successful sync."))
                .property("last_attempt_at", Schema.dateTime("Last attempt."))
                .property("last_error_category", Schema.string("Why the last sync failed."))
                .property("next_retry_at", Schema.dateTime("Next retry."))
                .property("manual", Schema.bool("Whether the last sync was started by hand."));
    }

    private static ToolSpec status(HitKeepModule m) {
        Map<String, Object> input = Schema.object().property("site_id", siteId()).required("site_id").closed().build();
        Map<String, Object> output = Schema.object()
                .property("site_id", Schema.string("The site's id.").format("uuid"))
                .property("team_id", Schema.string("The team that owns the Google connection."))
                .property("mapped", Schema.bool("Whether a Search Console property is mapped to the site."))
                .property("property_uri", Schema.string("The mapped property, e.g. sc-domain:example.com."))
                .property("property_permission_level", Schema.string("Google's permission level on the property."))
                .property("sync_status", syncStatusSchema())
                .property("data_available", Schema.bool("Whether imported data exists."))
                .property("available_from", Schema.string("First day with data (YYYY-MM-DD)."))
                .property("available_to", Schema.string("Last day with data (YYYY-MM-DD)."))
                .property("needs_attention", Schema.bool("Whether the sync needs someone to act."))
                .property("reason", Schema.enumeration("The short answer.", "unmapped", "needs_attention", "failed",
                        "not_synced", "ready"))
                .required("site_id", "mapped", "data_available", "needs_attention", "reason")
                .build();
        return new ToolSpec("hitkeep_get_search_console_status", "Get HitKeep Search Console status",
                "Check whether a site's Google Search Console property is mapped and synced (ready), not synced yet, "
                        + "failed or needing attention, and which days of data are imported. Call it before "
                        + "interpreting empty Search Console reports.",
                input, output, true, (ctx, args) -> {
                    String siteId = args.requiredUuid("site_id");
                    return statusOf(siteId, m.client(ctx).searchConsole().mapping(siteId).execute());
                });
    }

    static Map<String, Object> statusOf(String siteId, SearchConsoleSiteMapping mapping) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("site_id", siteId);
        if (mapping.teamId() != null) {
            out.put("team_id", mapping.teamId());
        }
        out.put("mapped", mapping.mapped());
        SearchConsoleSyncStatus sync = mapping.syncStatus();
        if (mapping.mapped()) {
            if (mapping.propertyUri() != null) {
                out.put("property_uri", mapping.propertyUri());
            }
            if (mapping.propertyPermissionLevel() != null) {
                out.put("property_permission_level", mapping.propertyPermissionLevel());
            }
            if (sync != null) {
                out.put("sync_status", json(sync));
            }
        }
        var from = sync == null ? null : sync.importedStartDate();
        var to = sync == null ? null : sync.importedEndDate();
        boolean available = mapping.mapped() && from != null && to != null;
        out.put("data_available", available);
        if (available && from != null && to != null) {
            out.put("available_from", from.toString());
            out.put("available_to", to.toString());
        }
        boolean attention = mapping.mapped() && sync != null && "needs_attention".equals(sync.state());
        out.put("needs_attention", attention);
        String reason;
        if (!mapping.mapped()) {
            reason = "unmapped";
        } else if (attention) {
            reason = "needs_attention";
        } else if (sync != null && "failed".equals(sync.state())) {
            reason = "failed";
        } else if (!available) {
            reason = "not_synced";
        } else {
            reason = "ready";
        }
        out.put("reason", reason);
        return out;
    }

    private static ToolSpec reports(HitKeepModule m) {
        Map<String, Object> input = siteWindow(Schema.object())
                .property("sections", Schema.array("Which reports to return (default: overview and series).",
                        Schema.enumeration("A report.", SECTIONS)))
                .property("page", Schema.string("Only this exact Search Console page URL."))
                .property("path", Schema.string("Only pages with this path, e.g. /pricing."))
                .property("country", Schema.string("Only this country (ISO alpha-2 or alpha-3 code)."))
                .property("device", Schema.string("Only this device: desktop, mobile or tablet."))
                .property("limit", HitKeepRules.RANKED.schema())
                .required("site_id")
                .closed()
                .build();
        Schema dimension = Schema.object("Rows of one dimension.")
                .property("data_source", Schema.string("Where the numbers come from."))
                .property("dimension", Schema.string("query, page, country or device."))
                .property("rows", Schema.array("Rows, most clicks first.", Schema.object()
                        .property("value", Schema.string("The query, page, country or device."))
                        .property("clicks", Schema.integer("Clicks."))
                        .property("impressions", Schema.integer("Impressions."))
                        .property("ctr", Schema.number("Click-through rate (0-1)."))
                        .property("average_position", Schema.number("Average position in results."))));
        Map<String, Object> output = windowEcho(Schema.object())
                .property("property_uri", Schema.string("The mapped property."))
                .property("sync_status", syncStatusSchema())
                .property("overview", Schema.object("Totals for the window.")
                        .property("data_source", Schema.string("Where the numbers come from."))
                        .property("clicks", Schema.integer("Clicks."))
                        .property("impressions", Schema.integer("Impressions."))
                        .property("ctr", Schema.number("Click-through rate (0-1)."))
                        .property("average_position", Schema.number("Average position.")))
                .property("series", Schema.object("Per-day numbers.")
                        .property("data_source", Schema.string("Where the numbers come from."))
                        .property("series", Schema.array("One point per day.", Schema.object())))
                .property("queries", dimension)
                .property("pages", dimension)
                .property("country", dimension)
                .property("device", dimension)
                .property("truncated", Schema.bool("True when any dimension report was cut to the limit."))
                .property("truncated_sections",
                        Schema.array("The dimension reports that have more rows than the limit.",
                                Schema.string("A section name.")))
                .property("warnings", Schema.array("Caveats about the data (e.g. the window starts before the "
                        + "imported data).", Schema.string("A warning code.")))
                .required("site_id", "from", "to", "warnings")
                .build();
        return new ToolSpec("hitkeep_get_search_console", "Get HitKeep Search Console reports",
                "Read imported Google Search Console clicks, impressions, CTR and average position for one site and "
                        + "window: overview and daily series by default, top queries, pages, countries or devices on "
                        + "request (sections). Reads data HitKeep already imported; never calls Google. Fails with "
                        + "'Search Console property is not mapped' when the site has no property; check "
                        + "hitkeep_get_search_console_status first when reports look empty.",
                input, output, true, m.siteWindow((ctx, args, siteId, window) -> {
                    Set<String> sections = sections(args);
                    RowLimit limit = HitKeepRules.RANKED.read(args);
                    HitKeep hk = m.client(ctx);
                    SearchConsoleSiteMapping mapping = hk.searchConsole().mapping(siteId).execute();
                    if (!mapping.mapped()) {
                        throw new ToolFailure("Search Console property is not mapped for site " + siteId
                                + "; map a property in HitKeep (site settings > Integrations) first");
                    }
                    Map<String, Object> out = echo(siteId, window);
                    if (mapping.propertyUri() != null) {
                        out.put("property_uri", mapping.propertyUri());
                    }
                    if (mapping.syncStatus() != null) {
                        out.put("sync_status", json(mapping.syncStatus()));
                    }
                    SearchConsole sc = hk.searchConsole();
                    if (sections.contains("overview")) {
                        out.put("overview", json(filtered(sc.overview(siteId), args, window).execute()));
                    }
                    if (sections.contains("series")) {
                        out.put("series", json(filtered(sc.series(siteId), args, window).execute()));
                    }
                    List<String> truncated = new ArrayList<>();
                    int fetch = Math.min(SearchConsole.ReportRequest.MAX_LIMIT, limit.value() + 1);
                    if (sections.contains("queries")) {
                        putDimension(out, "queries", filtered(sc.queries(siteId), args, window).limit(fetch).execute(),
                                limit, truncated);
                    }
                    if (sections.contains("pages")) {
                        putDimension(out, "pages", filtered(sc.pages(siteId), args, window).limit(fetch).execute(),
                                limit, truncated);
                    }
                    if (sections.contains("country")) {
                        putDimension(out, "country",
                                filtered(sc.breakdown(siteId, SearchConsoleDimension.COUNTRY), args,
                                        window).limit(fetch).execute(),
                                limit, truncated);
                    }
                    if (sections.contains("device")) {
                        putDimension(out, "device", filtered(sc.breakdown(siteId, SearchConsoleDimension.DEVICE), args,
                                window).limit(fetch).execute(), limit, truncated);
                    }
                    out.put("truncated", !truncated.isEmpty());
                    out.put("truncated_sections", truncated);
                    out.put("warnings", warnings(mapping, window));
                    return out;
                }));
    }

    private static Set<String> sections(Arguments args) {
        List<String> requested = args.stringList("sections");
        Set<String> out = new LinkedHashSet<>();
        if (requested.isEmpty()) {
            out.add("overview");
            out.add("series");
            return out;
        }
        for (String s : requested) {
            String n = s.toLowerCase(Locale.ROOT);
            if (!SECTIONS.contains(n)) {
                throw new ToolFailure("invalid section \"" + s + "\"; expected any of " + String.join(", ", SECTIONS));
            }
            out.add(n);
        }
        return out;
    }

    private static <T> SearchConsole.ReportRequest<T> filtered(SearchConsole.ReportRequest<T> r, Arguments args,
            DateWindow window) {
        r.range(window.toRange());
        args.optionalString("page").ifPresent(r::page);
        args.optionalString("path").ifPresent(r::path);
        args.optionalString("country").ifPresent(r::country);
        args.optionalString("device").ifPresent(r::device);
        return r;
    }

    private static void putDimension(Map<String, Object> out, String key, SearchConsoleDimensionReport report,
            RowLimit limit, List<String> truncated) {
        Map<String, Object> json = json(report);
        json.put("rows", ToolJson.jsonList(limit.cut(report.rows())));
        if (report.rows().size() > limit.value()) {
            truncated.add(key);
        }
        out.put(key, json);
    }

    private static List<String> warnings(SearchConsoleSiteMapping mapping, DateWindow window) {
        List<String> warnings = new ArrayList<>();
        SearchConsoleSyncStatus sync = mapping.syncStatus();
        if (sync != null && "needs_attention".equals(sync.state())) {
            warnings.add("search_console_sync_needs_attention");
        }
        if (sync != null && "failed".equals(sync.state())) {
            warnings.add("search_console_sync_failed");
        }
        if (sync == null || sync.importedStartDate() == null || sync.importedEndDate() == null) {
            warnings.add("search_console_data_not_synced");
            return warnings;
        }
        LocalDate from = window.from().atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate to = window.to().atOffset(ZoneOffset.UTC).toLocalDate();
        if (from.isBefore(sync.importedStartDate())) {
            warnings.add("requested_range_starts_before_imported_data");
        }
        if (to.isAfter(sync.importedEndDate())) {
            warnings.add("requested_range_ends_after_imported_data");
        }
        return warnings;
    }
}
