package io.tally.mcp.hitkeep;

import static io.tally.mcp.hitkeep.HitKeepSupport.echo;
import static io.tally.mcp.tool.ToolJson.jsonList;
import static io.tally.mcp.hitkeep.HitKeepSupport.metricRows;
import static io.tally.mcp.hitkeep.HitKeepSupport.siteWindow;
import static io.tally.mcp.tool.RowLimit.truncation;
import static io.tally.mcp.hitkeep.HitKeepSupport.windowEcho;

import io.tally.hitkeep.model.MetricStat;
import io.tally.mcp.tool.DateWindow;
import io.tally.mcp.tool.RowLimit;
import io.tally.mcp.tool.Schema;
import io.tally.mcp.tool.ToolFailure;
import io.tally.mcp.tool.ToolSpec;
import java.util.List;
import java.util.Map;

/** {@code hitkeep_get_event_names} and {@code hitkeep_get_event_breakdown}. */
final class EventTools {
    private EventTools() {}

    static List<ToolSpec> specs(HitKeepModule m) {
        return List.of(names(m), breakdown(m));
    }

    private static ToolSpec names(HitKeepModule m) {
        Map<String, Object> input = siteWindow(Schema.object())
                .property("limit", HitKeepRules.ENUMERATION.schema())
                .required("site_id")
                .closed()
                .build();
        Map<String, Object> output = truncation(windowEcho(Schema.object())
                .property("names",
                        Schema.array("Custom event names sent in the window.", Schema.string("An event name."))))
                .required("site_id", "from", "to", "names")
                .build();
        return new ToolSpec("hitkeep_get_event_names", "Get HitKeep event names",
                "List the custom event names (e.g. signup, purchase, newsletter_signup) one site received in a window. "
                        + "Call it before hitkeep_get_event_breakdown to find valid event names.",
                input, output, true, m.siteWindow((ctx, args, siteId, window) -> {
                    RowLimit limit = HitKeepRules.ENUMERATION.read(args);
                    List<String> names = m.client(ctx).events().names(siteId).range(window.toRange()).execute();
                    Map<String, Object> out = echo(siteId, window);
                    limit.putRows(out, "names", names);
                    return out;
                }));
    }

    private static ToolSpec breakdown(HitKeepModule m) {
        Map<String, Object> input = siteWindow(Schema.object())
                .property("event_name", Schema.string("The event to inspect, from hitkeep_get_event_names."))
                .property("property_key", Schema.string("The event property whose values to count, e.g. plan."))
                .property("limit", HitKeepRules.RANKED.schema())
                .required("site_id", "event_name", "property_key")
                .closed()
                .build();
        Map<String, Object> output = truncation(windowEcho(Schema.object())
                .property("breakdown", metricRows("Events per property value, most frequent first.")))
                .required("site_id", "from", "to", "breakdown")
                .build();
        return new ToolSpec("hitkeep_get_event_breakdown", "Get HitKeep event breakdown",
                "Count one custom event by the values of one of its properties (e.g. signup by plan) for one site and "
                        + "window, most frequent first.",
                input, output, true, (ctx, args) -> {
                    String siteId = args.requiredUuid("site_id");
                    String event = args.optionalString("event_name").orElse("");
                    String property = args.optionalString("property_key").orElse("");
                    if (event.isEmpty() || property.isEmpty()) {
                        throw new ToolFailure("event_name and property_key are required");
                    }
                    DateWindow window = m.window().resolve(args, m.clock());
                    RowLimit limit = HitKeepRules.RANKED.read(args);
                    List<MetricStat> rows = m.client(ctx).events().breakdown(siteId, event, property)
                            .range(window.toRange()).execute();
                    Map<String, Object> out = echo(siteId, window);
                    limit.putRows(out, "breakdown", jsonList(rows));
                    return out;
                });
    }
}
