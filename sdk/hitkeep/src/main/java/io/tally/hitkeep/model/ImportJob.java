package io.tally.hitkeep.model;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An import of historical data into a site, from upload through validation to the finished import.
 *
 * @param status       the state, e.g. {@code uploading}, {@code validating}, {@code validated},
 *                     {@code validation_failed}, {@code running}, {@code completed}, {@code failed}, {@code deleted}
 * @param error        why validation or the import failed, or {@code null}
 * @param manifest     what validation found, or {@code null} before validation
 * @param files        the uploaded files (sent by HitKeep 2.8.1 though missing from its OpenAPI document)
 * @param validatedAt  when validation finished, or {@code null}
 * @param startedAt    when the import started, or {@code null}
 * @param finishedAt   when the import finished, or {@code null}
 */
public record ImportJob(String id, String siteId, String provider, String status, String sourceHash, long bytesTotal,
        long bytesReceived, long rowsScanned, long rowsImported, @Nullable String error,
        @Nullable ImportManifest manifest,
        List<ImportUploadFile> files, Instant createdAt, Instant updatedAt, @Nullable Instant validatedAt,
        @Nullable Instant startedAt, @Nullable Instant finishedAt) {
    /** Copies {@code files} into an unmodifiable list; {@code null} becomes empty. */
    public ImportJob {
        files = Immutable.list(files);
    }
}
