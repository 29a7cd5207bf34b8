package io.tally.hitkeep;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.tally.core.OpenValue;

/**
 * The file format of an export or takeout ({@code format} query parameter). Open: HitKeep may add
 * formats, so any name is accepted; the constants are the ones 2.8.1 knows. Takeouts default to
 * {@link #XLSX} and hit exports to {@link #CSV}; the instance audit export knows only {@link #CSV}
 * and {@link #JSON} (its default).
 */
public final class ExportFormat extends OpenValue {
    /** Excel workbook (the takeout default). */
    public static final ExportFormat XLSX = new ExportFormat("xlsx");
    /** Comma-separated values (the hit-export default). */
    public static final ExportFormat CSV = new ExportFormat("csv");
    /** Apache Parquet. */
    public static final ExportFormat PARQUET = new ExportFormat("parquet");
    /** One JSON document. */
    public static final ExportFormat JSON = new ExportFormat("json");
    /** Newline-delimited JSON, one record per line. */
    public static final ExportFormat NDJSON = new ExportFormat("ndjson");

    private ExportFormat(String value) {
        super(value);
    }

    /** A format by name, lower-cased; known or not. */
    @JsonCreator
    public static ExportFormat of(String value) {
        return new ExportFormat(lowerCase(value, "format", "xlsx, csv, parquet, json or ndjson"));
    }
}
