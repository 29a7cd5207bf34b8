package io.tally.hitkeep.model;

import java.util.List;

/**
 * A staged import upload session: send each file in chunks of at most {@link #chunkSize()} bytes to
 * {@code imports().uploadChunk(…)}, then {@code validate} and {@code start} the import.
 *
 * @param importId  the import id
 * @param provider  the importer key
 * @param status    the import state, {@code uploading} while files are expected
 * @param chunkSize the largest chunk HitKeep wants per request, in bytes (8 MiB in HitKeep)
 * @param files     the declared files with their ids
 */
public record ImportUpload(String importId, String provider, String status, long chunkSize,
        List<ImportUploadFile> files) {
    /** Copies {@code files} into an unmodifiable list; {@code null} becomes empty. */
    public ImportUpload {
        files = Immutable.list(files);
    }
}
