package io.tally.mcp.hitkeep;

import io.tally.hitkeep.Filter;
import io.tally.hitkeep.FilterType;
import io.tally.mcp.tool.Arguments;
import io.tally.mcp.tool.DateWindow;
import io.tally.mcp.tool.Schema;
import io.tally.mcp.tool.ToolFailure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shared pieces of the HitKeep tools: argument schemas and parsing that follow HitKeep's own MCP server
 * (reference §6.4). Generic pieces (row limits, JSON conversion) live in {@code io.tally.mcp.tool}.
 */
final class HitKeepSupport {
    /** The filter types HitKeep's MCP tools accept (REST minus {@code qr_code_id}). */
    static final List<String> FILTER_TYPES = Collections.unmodifiableList(Arrays.asList(
            "path", "hostname", "referrer", "referrer_host", "device", "country", "city", "provider", "asn", "browser",
            "language", "utm_campaign", "utm_content", "utm_medium", "utm_source", "utm_term"));

    private HitKeepSupport() {}

    // ---- input schemas --------------------------------------------------------------------------------------

    static Schema siteId() {
        return Schema.string("The site's id (UUID). Get it from hitkeep_list_sites.").format("uuid");
    }

    static Schema from() {
        return Schema.dateTime("Start of the window, RFC 3339 (e.g. 2026-06-01T00:00:00Z). Default: 30 days before "
                + "'to'.");
    }

    static Schema to() {
        return Schema.dateTime("End of the window, RFC 3339. Default: now. Must be after 'from'; the window may span "
                + "at most 366 days.");
    }

    static Schema filters() {
        Schema filter = Schema.object("One exact-match filter.")
                .property("type", Schema.enumeration("The dimension to filter on.", FILTER_TYPES))
                .property("value", Schema.string("The exact label as HitKeep shows it in its top lists, e.g. "
                        + "'/pricing', '(Direct)', 'US', 'mobile', '(Unspecified)'."))
                .required("type", "value")
                .closed();
        return Schema.array("Filters, AND-combined. Values match HitKeep's normalised labels exactly.", filter);
    }

    /** Adds site_id, from, to to an input schema. */
    static Schema siteWindow(Schema schema) {
        return schema.property("site_id", siteId()).property("from", from()).property("to", to());
    }

    // ---- output schemas -------------------------------------------------------------------------------------

    static Schema metricRows(String description) {
        return Schema.array(description, Schema.object()
                .property("name", Schema.string("The label (page path, referrer, country...)."))
                .property("value", Schema.integer("The count.")));
    }

    static Schema windowEcho(Schema schema) {
        return schema.property("site_id", Schema.string("The site's id.").format("uuid"))
                .property("from", Schema.dateTime("Effective start of the window (UTC)."))
                .property("to", Schema.dateTime("Effective end of the window (UTC)."));
    }

    // ---- argument parsing -----------------------------------------------------------------------------------

    /** The filters argument, checked like HitKeep's MCP server does. */
    static List<Filter> filters(Arguments args) {
        List<Filter> out = new ArrayList<>();
        for (Map<String, Object> f : args.objectList("filters")) {
            Object type = f.get("type");
            Object value = f.get("value");
            String t = type == null ? "" : type.toString().trim();
            String v = value == null ? "" : value.toString();
            if (t.isEmpty() || v.trim().isEmpty()) {
                throw new ToolFailure("filter type and value are required together");
            }
            String lower = t.toLowerCase(Locale.ROOT);
            if (!FILTER_TYPES.contains(lower)) {
                throw new ToolFailure(
                        "invalid filter type \"" + t + "\"; expected one of " + String.join(", ", FILTER_TYPES));
            }
            out.add(Filter.of(FilterType.of(lower), v.trim()));
        }
        return out;
    }

    /** The output's site_id/from/to echo. */
    static Map<String, Object> echo(String siteId, DateWindow window) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("site_id", siteId);
        out.put("from", window.fromText());
        out.put("to", window.toText());
        return out;
    }
}
