package io.tally.testkit.hitkeep;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.testkit.hitkeep.Json.Column;
import io.tally.testkit.hitkeep.Model.AiFetch;
import io.tally.testkit.hitkeep.Model.Hit;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * File downloads (reference §3.5): hits export, site takeout and AI fetch export, streamed in CSV, JSON, NDJSON or
 * XLSX. Parquet is answered with 501: the fake does not write Parquet.
 */
final class ExportRoutes {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final FakeState state;

    ExportRoutes(FakeState state) {
        this.state = state;
    }

    void register(RouteTable t) {
        t.route("GET", "/api/sites/{id}/hits/export").site(SitePermission.VIEW).userBound().to(this::hits);
        t.route("GET", "/api/sites/{id}/takeout").site(SitePermission.VIEW).to(this::takeout);
        t.route("GET", "/api/sites/{id}/ai-fetch/export").site(SitePermission.VIEW).userBound().to(this::aiFetches);
    }

    private void hits(Call c) throws IOException {
        String format = format(c, "csv");
        Window w = Window.of(c, Window.Family.HITS);
        List<Hit> hits = AnalyticsRoutes.searchHits(c, w);
        hits.sort(Comparator.comparing((Hit h) -> h.timestamp).thenComparing(h -> h.id));
        write(c, format, "hits-" + c.site().site.domain(), "hits", Json.HIT_COLUMNS, hits);
    }

    private void takeout(Call c) throws IOException {
        String format = format(c, "xlsx");
        List<Hit> hits = new ArrayList<>(c.site().hits(c.now));
        hits.sort(Comparator.comparing((Hit h) -> h.timestamp).thenComparing(h -> h.id));
        write(c, format, "takeout-" + c.site().site.domain(), "hits", Json.HIT_COLUMNS, hits);
    }

    private void aiFetches(Call c) throws IOException {
        String format = format(c, "csv");
        List<AiFetch> fetches = AiRoutes.select(c, Window.of(c, Window.Family.AI_FETCH));
        fetches.sort(Comparator.comparing(AiFetch::timestamp).thenComparing(AiFetch::id));
        write(c, format, "ai-fetch-" + c.site().site.domain(), "ai_fetches", Json.AI_FETCH_COLUMNS, fetches);
    }

    private static String format(Call c, String fallback) {
        String format = c.trimmedParam("format");
        format = format == null ? fallback : format.toLowerCase(Locale.ROOT);
        switch (format) {
            case "csv", "json", "ndjson", "xlsx" -> {
                return format;
            }
            case "parquet" -> throw new HttpError(501, "Parquet exports are not supported by FakeHitKeep");
            default -> throw HttpError.badRequest("Invalid format");
        }
    }

    private <T> void write(Call c, String format, String baseName, String sheet, List<Column<T>> columns, List<T> rows)
            throws IOException {
        String contentType = switch (format) {
            case "json" -> "application/json";
            case "ndjson" -> "application/x-ndjson";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            default -> "text/csv; charset=utf-8";
        };
        String filename = baseName + "-" + STAMP.format(c.now) + "." + format;
        c.responseHeaders().set("Content-Disposition", "attachment; filename=" + filename);
        ObjectMapper json = state.json;
        try (OutputStream out = new BufferedOutputStream(c.stream(200, contentType))) {
            switch (format) {
                case "json" -> {
                    out.write('[');
                    for (int i = 0; i < rows.size(); i++) {
                        if (i > 0) {
                            out.write(',');
                        }
                        out.write(json.writeValueAsBytes(Json.row(columns, rows.get(i))));
                    }
                    out.write("]\n".getBytes(StandardCharsets.UTF_8));
                }
                case "ndjson" -> {
                    for (T row : rows) {
                        out.write(json.writeValueAsBytes(Json.row(columns, row)));
                        out.write('\n');
                    }
                }
                case "xlsx" -> {
                    List<List<Object>> cells = new ArrayList<>(rows.size());
                    for (T row : rows) {
                        cells.add(cellValues(columns, row));
                    }
                    Xlsx.write(out, sheet, Json.names(columns), cells);
                }
                default -> {
                    out.write((csvLine(new ArrayList<>(Json.names(columns))) + "\n").getBytes(StandardCharsets.UTF_8));
                    for (T row : rows) {
                        out.write((csvLine(cellValues(columns, row)) + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }

    private static <T> List<Object> cellValues(List<Column<T>> columns, T row) {
        List<Object> cells = new ArrayList<>(columns.size());
        for (Column<T> col : columns) {
            Object v = col.value().apply(row);
            cells.add(v instanceof Instant i ? i.toString() : v);
        }
        return cells;
    }

    static String csvLine(List<?> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object v = cells.get(i);
            String s = v == null ? "" : v.toString();
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                sb.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(s);
            }
        }
        return sb.toString();
    }
}
