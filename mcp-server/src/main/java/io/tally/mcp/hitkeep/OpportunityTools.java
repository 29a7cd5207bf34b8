package io.tally.mcp.hitkeep;

import static io.tally.mcp.tool.ToolJson.json;
import static io.tally.mcp.hitkeep.HitKeepSupport.siteId;
import static io.tally.mcp.tool.RowLimit.truncation;

import io.tally.hitkeep.model.Opportunity;
import io.tally.mcp.tool.RowLimit;
import io.tally.mcp.tool.Schema;
import io.tally.mcp.tool.ToolSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code hitkeep_get_opportunities}. */
final class OpportunityTools {
    private static final List<String> STATUSES = List.of("new", "saved", "done", "dismissed", "all");

    private OpportunityTools() {}

    static List<ToolSpec> specs(HitKeepModule m) {
        Map<String, Object> input = Schema.object()
                .property("site_id", siteId())
                .property("status", Schema.enumeration("Only opportunities in this state (default: all).", STATUSES))
                .property("limit", HitKeepRules.RANKED.schema())
                .required("site_id")
                .closed()
                .build();
        Schema item = Schema.object("One ranked opportunity. Texts are localisation keys with parameters, not prose.")
                .property("id", Schema.string("The opportunity's id."))
                .property("kind", Schema.string("conversion, traffic, ai, search or setup."))
                .property("type_key", Schema.string("What kind of opportunity this is (a localisation key)."))
                .property("title_key", Schema.string("Title localisation key."))
                .property("impact_value", Schema.string("The estimated impact, formatted."))
                .property("confidence", Schema.string("high or medium."))
                .property("score", Schema.integer("Ranking score (higher first)."))
                .property("status", Schema.string("new, saved, done or dismissed."))
                .property("evidence", Schema.array("The evidence the opportunity cites.", Schema.object()))
                .property("generated_at", Schema.dateTime("When the detectors found it."));
        Map<String, Object> output = truncation(Schema.object()
                .property("site_id", Schema.string("The site's id.").format("uuid"))
                .property("opportunities", Schema.array("Ranked opportunities, best first.", item)))
                .required("site_id", "opportunities")
                .build();
        return List.of(new ToolSpec("hitkeep_get_opportunities", "Get HitKeep opportunities",
                "List the ranked improvement opportunities HitKeep has detected for one site (conversion, traffic, "
                        + "AI, search and setup), best first, with their score, confidence, status and the evidence "
                        + "they cite. Titles and summaries are localisation keys with copy_params, not prose: describe "
                        + "them in your own words. Filter with status (new, saved, done, dismissed or all).",
                input, output, true, (ctx, args) -> {
                    String siteId = args.requiredUuid("site_id");
                    String status = args.optionalChoice("status", STATUSES, "invalid opportunity status \"%s\"")
                            .orElse("all");
                    RowLimit limit = HitKeepRules.RANKED.read(args);
                    List<Opportunity> all = m.client(ctx).opportunities().list(siteId).execute();
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (Opportunity o : all) {
                        if (status.equals("all") || status.equalsIgnoreCase(o.status())) {
                            rows.add(citedOnly(json(o), o));
                        }
                    }
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("site_id", siteId);
                    limit.putRows(out, "opportunities", rows);
                    return out;
                }));
    }

    /** Keeps only the evidence items the opportunity cites, as HitKeep's MCP server does. */
    private static Map<String, Object> citedOnly(Map<String, Object> json, Opportunity o) {
        Set<String> cited = new HashSet<>(o.citedEvidenceIds());
        Object evidence = json.get("evidence");
        if (evidence instanceof List<?> list) {
            List<Object> kept = new ArrayList<>();
            for (Object e : list) {
                if (e instanceof Map<?, ?> item && cited.contains(String.valueOf(item.get("id")))) {
                    kept.add(e);
                }
            }
            json.put("evidence", kept);
        }
        return json;
    }
}
