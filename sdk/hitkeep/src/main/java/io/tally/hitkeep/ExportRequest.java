package io.tally.hitkeep;

import java.util.Objects;

/**
 * An export or takeout download with a choice of {@link ExportFormat} (HitKeep's default when none is
 * set: xlsx for takeouts). See {@link FileRequest} for where the bytes go.
 */
public final class ExportRequest extends FileRequest<ExportRequest> {
    ExportRequest(HitKeep client, String pathTemplate, RouteAuth auth, Object... pathValues) {
        super(client, pathTemplate, auth, pathValues, new DownloadTarget());
    }

    /** The file format ({@code format}). */
    public ExportRequest format(ExportFormat format) {
        return query("format", Objects.requireNonNull(format, "format").value());
    }
}
