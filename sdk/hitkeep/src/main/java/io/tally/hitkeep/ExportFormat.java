package io.tally.hitkeep;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The file format of an export or takeout ({@code format} query parameter). Open: HitKeep may add
 * formats, so any name is accepted; the constants are the ones 2.8.1 knows. Takeouts default to
 * {@link #XLSX} and hit exports to {@link #CSV}; the instance audit export knows only {@link #CSV}
 * and {@link #JSON} (its default).
 */
public final class ExportFormat {
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

    private final String value;

    private ExportFormat(String value) {
        this.value = value;
    }

    /** A format by name, lower-cased; known or not. */
    @JsonCreator
    public static ExportFormat of(String value) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException("format must not be null or blank (xlsx, csv, parquet, json or ndjson)");
        }
        return new ExportFormat(value.trim().toLowerCase(Locale.ROOT));
    }

    /** The wire name, e.g. {@code csv}. */
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExportFormat && ((ExportFormat) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
