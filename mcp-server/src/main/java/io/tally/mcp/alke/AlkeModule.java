package io.tally.mcp.alke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.alke.Alke;
import io.tally.alke.AlkeReport;
import io.tally.alke.AlkeReportRequest;
import io.tally.alke.AlkeRow;
import io.tally.alke.AlkeToken;
import io.tally.core.AuthenticationException;
import io.tally.core.Credentials;
import io.tally.core.json.TallyJson;
import io.tally.mcp.tool.Arguments;
import io.tally.mcp.tool.CallerClients;
import io.tally.mcp.tool.ErrorTranslator;
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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Alke Analytics over MCP: one generic report tool over the one documented route, and the operator's list of
 * properties. Alke's response body is undocumented, so {@code alke_run_report} returns the rows the SDK recognised
 * (requested dimensions as strings, metrics as numbers) plus the raw JSON, both capped by the row limit.
 *
 * <p>Every call goes through the Tally Alke SDK with a client derived from the caller's token.
 */
public final class AlkeModule implements ProviderModule {
    /** How to regenerate either kind of token, for tool errors. */
    static final String HOW_TO_REGENERATE = "to regenerate it: a service account's token under dashboard sidebar > "
            + "key icon > Service Accounts > Renew token (organisation owners), a personal token under avatar > "
            + "Profile > API Token > Regenerate token; then send the new one.";
    /** Rows per report: default and cap. */
    static final RowLimit.Rule ROWS = new RowLimit.Rule(100, 1000);
    /** The raw JSON is left out above this many characters (after its arrays were cut to the row limit). */
    static final int MAX_RAW_CHARS = 200_000;
    /** Days in the default window (ending yesterday, UTC). */
    static final int DEFAULT_DAYS = 30;

    private final ModuleOptions options;
    private final AlkeProperties properties;
    private final CallerClients<Alke> clients;
    private final AlkeErrors errors;
    private final List<ToolSpec> tools;

    private AlkeModule(Alke base, AlkeProperties properties, ModuleOptions options) {
        this.options = options;
        this.properties = properties;
        this.clients = new CallerClients<>(AlkeProvider.DISPLAY_NAME, AlkeProvider.TOKEN_VARIABLE, List.of(), base,
                base.options().credentials().has(Credentials.Kind.BEARER),
                (client, caller) -> client.withToken(token(caller.token())));
        // a built client has a base URL
        this.errors = new AlkeErrors(Objects.requireNonNull(base.options().baseUrl(), "baseUrl").toString());
        this.tools = List.of(runReport(), listProperties());
    }

    /**
     * A module over a base client (no token: each caller brings one; with a token: stdio or a server-side token)
     * and the properties assistants may use.
     */
    static AlkeModule create(Alke base, AlkeProperties properties, ModuleOptions options) {
        return new AlkeModule(Objects.requireNonNull(base, "base"), Objects.requireNonNull(properties, "properties"),
                Objects.requireNonNull(options, "options"));
    }

    /** The caller's token as an Alke token; a malformed one is a tool error naming what is wrong. */
    static AlkeToken token(String value) {
        try {
            return AlkeToken.serviceAccount(value);
        } catch (IllegalArgumentException e) {
            throw new ToolFailure("The Alke token sent with this call is not usable: "
                    + String.valueOf(e.getMessage()).replace("serviceAccountToken", "the token") + ".");
        }
    }

    private ToolSpec runReport() {
        Map<String, Object> input = Schema.object()
                .property("property_id", Schema.string("The property (site or app) to report on: a UUID from "
                        + "alke_list_properties.").format("uuid"))
                .property("date_from", Schema.string("First day, YYYY-MM-DD (default: " + DEFAULT_DAYS
                        + " days before date_to).").format("date"))
                .property("date_to", Schema.string("Last day, YYYY-MM-DD (default: yesterday, UTC). Whether Alke "
                        + "includes it is not documented.").format("date"))
                .property("metrics", Schema.array("Metric names, at least one. Documented: pageviews, visits; Alke "
                        + "checks any other name.", Schema.string("A metric name.")).put("minItems", 1))
                .property("dimensions", Schema.array("Dimension names to break down by (documented: date); none for "
                        + "totals.", Schema.string("A dimension name.")))
                .property("params", Schema.freeObject("Other top-level fields sent to Alke as they are (filters, "
                        + "sort, limit...); Alke does not document them."))
                .property("limit", ROWS.schema())
                .required("property_id", "metrics")
                .closed()
                .build();
        Map<String, Object> output = RowLimit.truncation(Schema.object()
                .property("property_id", Schema.string("The property.").format("uuid"))
                .property("property_name", Schema.string("Its name in the server's configuration.").nullable())
                .property("date_from", Schema.string("First day sent.").format("date"))
                .property("date_to", Schema.string("Last day sent.").format("date"))
                .property("metrics", Schema.array("Metrics asked for.", Schema.string("A metric.")))
                .property("dimensions", Schema.array("Dimensions asked for.", Schema.string("A dimension.")))
                .property("rows", Schema.array("Rows: each requested dimension as a string and each requested "
                        + "metric as a number; empty when rows_recognised is false.", Schema.freeObject("One row.")))
                .property("rows_recognised", Schema.bool("Whether Alke's answer had a row shape the SDK knows; "
                        + "if false, read raw."))
                .property("raw", Schema.any("Alke's answer as it came, every array cut to the row limit; null when "
                        + "even that was too large."))
                .property("raw_truncated", Schema.bool("True when arrays in raw were cut or raw was left out.")))
                .required("property_id", "date_from", "date_to", "rows", "rows_recognised", "truncated", "total_rows")
                .build();
        return new ToolSpec("alke_run_report", "Run an Alke Analytics report",
                "Run a report on one Alke Analytics property: metrics (e.g. pageviews, visits) over a day window, "
                        + "optionally broken down by dimensions (e.g. date). Returns the rows (dimensions as strings, "
                        + "metrics as numbers) and Alke's raw JSON, both cut to 'limit' rows with truncated/total_rows. "
                        + "Alke's full metric and dimension catalogue is not published: unknown names come back as a "
                        + "400 naming them. Use alke_list_properties for property_id.",
                input, output, true, (ctx, args) -> {
                    UUID property = allowedProperty(args);
                    LocalDate[] days = window(args);
                    List<String> metrics = args.stringList("metrics");
                    if (metrics.isEmpty()) {
                        throw new ToolFailure(
                                "metrics must name at least one metric, e.g. [\"pageviews\", \"visits\"]");
                    }
                    List<String> dimensions = args.stringList("dimensions");
                    RowLimit limit = ROWS.read(args);
                    AlkeReportRequest.Builder request = AlkeReportRequest.builder().propertyId(property)
                            .dateFrom(days[0]).dateTo(days[1]).metrics(metrics).dimensions(dimensions);
                    args.optionalObject("params").ifPresent(p -> p.forEach(request::param));
                    AlkeReport report = run(ctx, request.build());
                    return output(property, report, limit);
                });
    }

    private ToolSpec listProperties() {
        Map<String, Object> input = Schema.object().closed().build();
        Map<String, Object> output = Schema.object()
                .property("properties", Schema.array("The properties this server lets assistants report on.",
                        Schema.object("A property.")
                                .property("property_id", Schema.string("Its UUID.").format("uuid"))
                                .property("name", Schema.string("Its name, when the operator gave one.").nullable())))
                .property("source", Schema.string("Where the list comes from: ALKE_PROPERTIES, demo or none."))
                .property("note", Schema.string("What to do when the list is empty.").nullable())
                .required("properties", "source")
                .build();
        return new ToolSpec("alke_list_properties", "List Alke Analytics properties",
                "List the Alke Analytics properties (sites or apps) this server lets you report on, with their ids "
                        + "and names, as the server's operator configured them (Alke has no public route that lists "
                        + "properties). Call it first to find property_id for alke_run_report.",
                input, output, true, (ctx, args) -> {
                    List<Map<String, Object>> list = new ArrayList<>();
                    properties.byId().forEach((id, name) -> {
                        Map<String, Object> p = new LinkedHashMap<>();
                        p.put("property_id", id.toString());
                        p.put("name", name);
                        list.add(p);
                    });
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("properties", list);
                    out.put("source", properties.source());
                    out.put("note", list.isEmpty() ? "No properties are configured: the server's operator lists the "
                            + "allowed property ids in " + AlkeProperties.VARIABLE + " (id=name, comma-separated)."
                            : null);
                    return out;
                });
    }

    private UUID allowedProperty(Arguments args) {
        UUID property = UUID.fromString(args.requiredUuid("property_id"));
        if (!properties.allows(property)) {
            throw new ToolFailure(properties.byId().isEmpty()
                    ? "No Alke properties are configured on this server, so no report can run: the operator lists the "
                            + "allowed property ids in " + AlkeProperties.VARIABLE + "."
                    : "property_id " + property + " is not one this server allows; call alke_list_properties for the "
                            + "allowed ones.");
        }
        return property;
    }

    /** {@code date_from}/{@code date_to}: defaults, format, order and the server's longest window. */
    private LocalDate[] window(Arguments args) {
        LocalDate yesterday = LocalDate.ofInstant(options.clock().instant(), ZoneOffset.UTC).minusDays(1);
        LocalDate to = args.optionalString("date_to").map(v -> day("date_to", v)).orElse(yesterday);
        LocalDate from = args.optionalString("date_from").map(v -> day("date_from", v))
                .orElse(to.minusDays(DEFAULT_DAYS - 1));
        if (to.isBefore(from)) {
            throw new ToolFailure("date_to (" + to + ") must not be before date_from (" + from + ")");
        }
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        if (days > options.maxRangeDays()) {
            throw new ToolFailure("the window from " + from + " to " + to + " is " + days + " days; this server allows "
                    + "at most " + options.maxRangeDays() + " days per report: split it");
        }
        return new LocalDate[] {from, to};
    }

    private static LocalDate day(String name, String value) {
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // falls through to the message below
        }
        throw new ToolFailure(name + " must be a day as YYYY-MM-DD, e.g. 2026-03-01; got \"" + value + "\"");
    }

    private AlkeReport run(ToolContext ctx, AlkeReportRequest request) {
        Alke client = clients.forCall(ctx);
        try {
            return client.reports().run(request);
        } catch (AuthenticationException e) {
            AlkeToken sent = ctx.caller().map(c -> token(c.token())).orElse(null);
            if (sent != null && sent.isExpiredAt(options.clock().instant())) {
                throw new ToolFailure("Alke answered 401: the token expired at " + sent.expiresAt().get()
                        + " (its exp claim; Alke tokens last one year), " + HOW_TO_REGENERATE, e);
            }
            throw e;
        }
    }

    private static Map<String, Object> output(UUID property, AlkeReport report, RowLimit limit) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("property_id", property.toString());
        AlkeReportRequest r = report.request();
        out.put("date_from", r.dateFrom().toString());
        out.put("date_to", r.dateTo().toString());
        out.put("metrics", r.metrics());
        out.put("dimensions", r.dimensions());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AlkeRow row : report.rows()) {
            Map<String, Object> m = new LinkedHashMap<>(row.dimensions());
            m.putAll(row.metrics());
            rows.add(m);
        }
        limit.putRows(out, "rows", rows);
        out.put("rows_recognised", report.rowsRecognised());
        boolean[] cut = {false};
        JsonNode raw = capArrays(report.raw(), limit.value(), cut);
        String text = raw.toString();
        if (text.length() > MAX_RAW_CHARS) {
            out.put("raw", null);
            cut[0] = true;
        } else {
            out.put("raw", TallyJson.mapper().convertValue(raw, Object.class));
        }
        out.put("raw_truncated", cut[0]);
        return out;
    }

    /** A copy of {@code node} with every array cut to {@code max} elements; {@code cut[0]} set when one was. */
    static JsonNode capArrays(JsonNode node, int max, boolean[] cut) {
        if (node.isArray()) {
            ArrayNode copy = TallyJson.mapper().createArrayNode();
            int i = 0;
            for (JsonNode item : node) {
                if (i++ == max) {
                    cut[0] = true;
                    break;
                }
                copy.add(capArrays(item, max, cut));
            }
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = TallyJson.mapper().createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                copy.set(f.getKey(), capArrays(f.getValue(), max, cut));
            }
            return copy;
        }
        return node;
    }

    @Override
    public String name() {
        return AlkeProvider.NAME;
    }

    @Override
    public String displayName() {
        return AlkeProvider.DISPLAY_NAME;
    }

    @Override
    public String instructions() {
        return "Alke Analytics reports, read through the caller's own Alke token. Call alke_list_properties for the "
                + "property ids this server allows, then alke_run_report with metrics (documented: pageviews, visits) "
                + "and optional dimensions (documented: date) over days given as YYYY-MM-DD (default: the last "
                + DEFAULT_DAYS + " days to yesterday). Alke publishes little: its response shape and full catalogue "
                + "are unknown, so read 'raw' when rows_recognised is false, and expect a 400 naming an unknown metric.";
    }

    @Override
    public List<ToolSpec> tools() {
        return tools;
    }

    @Override
    public List<ResourceSpec> resources() {
        return List.of();
    }

    @Override
    public ErrorTranslator errorTranslator() {
        return errors;
    }
}
