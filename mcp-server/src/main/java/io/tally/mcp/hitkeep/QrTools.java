package io.tally.mcp.hitkeep;

import static io.tally.mcp.hitkeep.HitKeepSupport.echo;
import static io.tally.mcp.tool.ToolJson.jsonList;
import static io.tally.mcp.hitkeep.HitKeepSupport.siteWindow;
import static io.tally.mcp.tool.RowLimit.truncation;
import static io.tally.mcp.hitkeep.HitKeepSupport.windowEcho;

import io.tally.hitkeep.HitKeep;
import io.tally.hitkeep.model.QrCode;
import io.tally.hitkeep.model.QrCodeSummary;
import io.tally.mcp.tool.DateWindow;
import io.tally.mcp.tool.RowLimit;
import io.tally.mcp.tool.Schema;
import io.tally.mcp.tool.ToolSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code hitkeep_get_qr_campaigns} (HitKeep 2.13's tool, built on the 2.8.1 REST routes). */
final class QrTools {
    private QrTools() {}

    static List<ToolSpec> specs(HitKeepModule m) {
        Map<String, Object> input = siteWindow(Schema.object())
                .property("limit", HitKeepRules.RANKED.schema())
                .property("include_series", Schema.bool("Also return each campaign's scans over time (default false)."))
                .required("site_id")
                .closed()
                .build();
        Schema campaign = Schema.object("One QR campaign (a printed QR code) and its traffic in the window.")
                .property("id", Schema.string("The QR code's id.").format("uuid"))
                .property("name", Schema.string("The campaign's name."))
                .property("destination_url", Schema.string("Where a scan leads."))
                .property("created_at", Schema.dateTime("When the code was created."))
                .property("open_count", Schema.integer("Scans (opens of the redirect) in the window."))
                .property("pageviews", Schema.integer("Pageviews that arrived through the code."))
                .property("visitors", Schema.integer("Sessions that arrived through the code."))
                .property("timeseries", Schema.array("Scans over time (only with include_series).", Schema.object()
                        .property("time", Schema.dateTime("Bucket start."))
                        .property("opens", Schema.integer("Scans in the bucket."))));
        Map<String, Object> output = truncation(windowEcho(Schema.object())
                .property("campaigns", Schema.array("QR campaigns, in HitKeep's order.", campaign)))
                .required("site_id", "from", "to", "campaigns")
                .build();
        return List.of(new ToolSpec("hitkeep_get_qr_campaigns", "Get HitKeep QR campaigns",
                "Read QR campaign scans (opens), pageviews and visitors for one site in a window, one row per active "
                        + "QR code, with an optional scan time series. Never returns redirect tokens or raw hits.",
                input, output, true, m.siteWindow((ctx, args, siteId, window) -> {
                    RowLimit limit = HitKeepRules.RANKED.read(args);
                    boolean series = args.bool("include_series", false);
                    HitKeep hk = m.client(ctx);
                    List<QrCode> active = new ArrayList<>();
                    for (QrCode qr : hk.qrCodes().list(siteId).execute()) {
                        if (qr.archivedAt() == null) {
                            active.add(qr);
                        }
                    }
                    List<Map<String, Object>> campaigns = new ArrayList<>();
                    for (QrCode qr : limit.cut(active)) {
                        QrCodeSummary summary = hk.qrCodes().summary(siteId, qr.id()).range(window.toRange()).execute();
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("id", qr.id());
                        row.put("name", qr.name());
                        if (qr.destinationUrl() != null) {
                            row.put("destination_url", qr.destinationUrl());
                        }
                        if (qr.createdAt() != null) {
                            row.put("created_at", DateWindow.format(qr.createdAt()));
                        }
                        row.put("open_count", summary.openCount());
                        row.put("pageviews", summary.pageviews());
                        row.put("visitors", summary.visitors());
                        if (series) {
                            row.put("timeseries", jsonList(hk.qrCodes().opens(siteId, qr.id()).range(window.toRange())
                                    .execute()));
                        }
                        campaigns.add(row);
                    }
                    Map<String, Object> out = echo(siteId, window);
                    out.put("campaigns", campaigns);
                    out.put("truncated", active.size() > campaigns.size());
                    out.put("total_rows", active.size());
                    return out;
                })));
    }
}
