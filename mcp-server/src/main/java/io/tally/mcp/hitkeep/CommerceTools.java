package io.tally.mcp.hitkeep;

import static io.tally.mcp.hitkeep.HitKeepSupport.echo;
import static io.tally.mcp.hitkeep.HitKeepSupport.filters;
import static io.tally.mcp.tool.ToolJson.json;
import static io.tally.mcp.tool.ToolJson.jsonList;
import static io.tally.mcp.hitkeep.HitKeepSupport.siteWindow;
import static io.tally.mcp.tool.RowLimit.truncatedLists;
import static io.tally.mcp.hitkeep.HitKeepSupport.windowEcho;

import io.tally.hitkeep.Ecommerce;
import io.tally.hitkeep.EcommerceRequest;
import io.tally.hitkeep.Filter;
import io.tally.mcp.tool.Arguments;
import io.tally.mcp.tool.DateWindow;
import io.tally.mcp.tool.RowLimit;
import io.tally.mcp.tool.Schema;
import io.tally.mcp.tool.ToolSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code hitkeep_get_ecommerce}. */
final class CommerceTools {
    private CommerceTools() {}

    static List<ToolSpec> specs(HitKeepModule m) {
        Map<String, Object> input = siteWindow(Schema.object())
                .property("item_id", Schema.string("Only orders containing this item id."))
                .property("item_name", Schema.string("Only orders containing this item name."))
                .property("filters", HitKeepSupport.filters())
                .property("include_series", Schema.bool("Also return revenue and orders over time (default false)."))
                .property("limit", HitKeepRules.RANKED.schema())
                .required("site_id")
                .closed()
                .build();
        Map<String, Object> output = truncatedLists(windowEcho(Schema.object()))
                .property("summary", Schema.object("Revenue (in 'currency'), orders, average order value, checkout "
                        + "starts and checkout conversion rate (percent), with top cities, providers and ASNs.")
                        .property("revenue", Schema.number("Revenue in the currency."))
                        .property("currency", Schema.string("ISO currency code."))
                        .property("orders", Schema.integer("Orders.")))
                .property("products", Schema.array("Top products by revenue.", Schema.object()
                        .property("item_id", Schema.string("Item id."))
                        .property("item_name", Schema.string("Item name."))
                        .property("orders", Schema.integer("Orders."))
                        .property("quantity", Schema.integer("Units sold."))
                        .property("revenue", Schema.number("Revenue."))))
                .property("sources", Schema.array("Revenue by referrer and UTM source.", Schema.object()))
                .property("series", Schema.array("Revenue and orders over time (include_series).", Schema.object()))
                .required("site_id", "from", "to", "summary", "products", "sources")
                .build();
        return List.of(new ToolSpec("hitkeep_get_ecommerce", "Get HitKeep ecommerce analytics",
                "Read one site's ecommerce results for a window: revenue, orders, average order value and checkout "
                        + "conversion, the top products and revenue by source (referrer, UTM), with optional item and "
                        + "traffic filters and an optional revenue time series.",
                input, output, true, m.siteWindow((ctx, args, siteId, window) -> {
                    RowLimit limit = HitKeepRules.RANKED.read(args);
                    List<Filter> filters = filters(args);
                    Ecommerce ec = m.client(ctx).ecommerce();
                    Map<String, Object> out = echo(siteId, window);
                    out.put("summary", json(scoped(ec.summary(siteId), args, window, filters).execute()));
                    Map<String, Object> truncated = new LinkedHashMap<>();
                    limit.putList(out, "products", jsonList(scoped(ec.products(siteId), args, window, filters)
                            .limit(limit.value() + 1).execute()), truncated);
                    limit.putList(out, "sources", jsonList(scoped(ec.sources(siteId), args, window, filters)
                            .limit(limit.value() + 1).execute()), truncated);
                    if (args.bool("include_series", false)) {
                        out.put("series", jsonList(scoped(ec.timeseries(siteId), args, window, filters).execute()));
                    }
                    out.put("truncated", !truncated.isEmpty());
                    out.put("truncated_lists", truncated);
                    return out;
                })));
    }

    private static <T> EcommerceRequest<T> scoped(EcommerceRequest<T> q, Arguments args, DateWindow window,
            List<Filter> filters) {
        q.range(window.toRange()).filters(filters);
        args.optionalString("item_id").ifPresent(q::itemId);
        args.optionalString("item_name").ifPresent(q::itemName);
        return q;
    }
}
