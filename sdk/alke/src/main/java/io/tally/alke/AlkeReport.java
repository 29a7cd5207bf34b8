package io.tally.alke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.tally.core.json.TallyJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code POST /api/reports}. <b>Alke does not document the response body</b>, so the whole body is
 * kept as JSON ({@link #raw()}, always available), and {@link #rows()} reads rows best-effort from the shapes
 * analytics APIs commonly use:
 * <ul>
 *   <li>an array of row objects at the top level or under {@code rows} (e.g.
 *       {@code {"rows":[{"date":"2026-03-01","pageviews":120}]}}); a row whose fields are grouped as
 *       {@code {"dimensions":{…},"metrics":{…}}} is read too;</li>
 *   <li>rows as arrays of values, named by a {@code columns} (or {@code headers}) array of names or of objects with
 *       a {@code name}, or else taken to be the requested dimensions followed by the requested metrics when the
 *       lengths match;</li>
 *   <li>either of those inside a {@code data} wrapper ({@code {"data":{"rows":[…]}}} or {@code {"data":[…]}}).</li>
 * </ul>
 * Any other shape gives an empty {@link #rows()} and {@link #rowsRecognised()} {@code false}, never an exception:
 * read {@link #raw()} then. Immutable.
 */
public final class AlkeReport {
    private static final ObjectMapper MAPPER = TallyJson.mapper();

    private final AlkeReportRequest request;
    private final JsonNode raw;
    private final @Nullable List<AlkeRow> rows;

    AlkeReport(AlkeReportRequest request, @Nullable JsonNode raw) {
        this.request = request;
        this.raw = raw == null || raw.isMissingNode() ? NullNode.getInstance() : raw;
        List<AlkeRow> read = readRows(this.raw, request);
        this.rows = read == null ? null : Collections.unmodifiableList(read);
    }

    /**
     * Reads a report from a JSON body as Alke might send it: for tests and for bodies fetched another way (for
     * example through {@code alke.raw()}).
     */
    public static AlkeReport of(AlkeReportRequest request, JsonNode body) {
        return new AlkeReport(java.util.Objects.requireNonNull(request, "request"), body);
    }

    /** The request this answers. */
    public AlkeReportRequest request() {
        return request;
    }

    /** The whole response body as a JSON tree; a JSON {@code null} node when the body was empty. */
    public JsonNode raw() {
        return raw;
    }

    /** The rows, when the body has a recognised shape (see the class documentation); otherwise empty. */
    public List<AlkeRow> rows() {
        return rows == null ? Collections.<AlkeRow>emptyList() : rows;
    }

    /** Whether {@link #rows()} found rows in a recognised shape (an empty list of rows counts). */
    public boolean rowsRecognised() {
        return rows != null;
    }

    /** A top-level (or {@code data}-wrapped) {@code totals} object as a row, when there is one. */
    public Optional<AlkeRow> totals() {
        JsonNode node = unwrapData(raw).path("totals");
        return node.isObject() ? Optional.of(rowOf(node, request)) : Optional.<AlkeRow>empty();
    }

    @Override
    public String toString() {
        return "AlkeReport[" + request + ", " + (rows == null ? "rows not recognised" : rows.size() + " rows") + "]";
    }

    // ---- lenient reading ------------------------------------------------------------------------

    private static JsonNode unwrapData(JsonNode root) {
        JsonNode data = root.path("data");
        return root.isObject() && (data.isObject() || data.isArray()) ? data : root;
    }

    /** The rows, or {@code null} when the shape is not recognised. */
    private static @Nullable List<AlkeRow> readRows(JsonNode root, AlkeReportRequest request) {
        JsonNode node = unwrapData(root);
        JsonNode rowsNode;
        JsonNode columns = null;
        if (node.isArray()) {
            rowsNode = node;
        } else if (node.isObject() && node.path("rows").isArray()) {
            rowsNode = node.get("rows");
            columns = node.has("columns") ? node.get("columns") : node.get("headers");
        } else {
            return null;
        }
        List<String> names = columnNames(columns);
        List<AlkeRow> rows = new ArrayList<>(rowsNode.size());
        for (JsonNode row : rowsNode) {
            if (row.isObject()) {
                rows.add(rowOf(flatten(row), request));
            } else if (row.isArray()) {
                List<String> rowNames = names != null ? names : requestedOrder(request);
                if (rowNames.size() != row.size()) {
                    return null;
                }
                com.fasterxml.jackson.databind.node.ObjectNode named = MAPPER.createObjectNode();
                for (int i = 0; i < row.size(); i++) {
                    named.set(rowNames.get(i), row.get(i));
                }
                rows.add(rowOf(named, request));
            } else {
                return null;
            }
        }
        return rows;
    }

    /** The names in a {@code columns} array (strings, or objects with {@code name}/{@code key}/{@code id}), or null. */
    private static @Nullable List<String> columnNames(@Nullable JsonNode columns) {
        if (columns == null || !columns.isArray()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode c : columns) {
            String name = c.isTextual() ? c.asText()
                    : c.isObject() ? firstText(c, "name", "key", "id") : null;
            if (name == null) {
                return null;
            }
            names.add(name);
        }
        return names;
    }

    private static @Nullable String firstText(JsonNode node, String... fields) {
        for (String f : fields) {
            if (node.path(f).isTextual()) {
                return node.get(f).asText();
            }
        }
        return null;
    }

    private static List<String> requestedOrder(AlkeReportRequest request) {
        List<String> names = new ArrayList<>(request.dimensions());
        names.addAll(request.metrics());
        return names;
    }

    /** A row grouped as {@code {"dimensions":{…},"metrics":{…}}} as one flat object; other rows as they are. */
    private static JsonNode flatten(JsonNode row) {
        if (!(row.path("dimensions").isObject() || row.path("metrics").isObject())) {
            return row;
        }
        com.fasterxml.jackson.databind.node.ObjectNode flat = MAPPER.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = row.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if ((f.getKey().equals("dimensions") || f.getKey().equals("metrics")) && f.getValue().isObject()) {
                flat.setAll((com.fasterxml.jackson.databind.node.ObjectNode) f.getValue());
            } else {
                flat.set(f.getKey(), f.getValue());
            }
        }
        return flat;
    }

    private static AlkeRow rowOf(JsonNode row, AlkeReportRequest request) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        for (String d : request.dimensions()) {
            JsonNode v = row.get(d);
            if (v != null && v.isValueNode() && !v.isNull()) {
                dimensions.put(d, v.asText());
            }
        }
        Map<String, BigDecimal> metrics = new LinkedHashMap<>();
        for (String m : request.metrics()) {
            BigDecimal n = number(row.get(m));
            if (n != null) {
                metrics.put(m, n);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = row.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            values.put(f.getKey(), MAPPER.convertValue(f.getValue(), Object.class));
        }
        return new AlkeRow(dimensions, metrics, values);
    }

    private static @Nullable BigDecimal number(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
