package io.tally.hitkeep;

import io.tally.hitkeep.model.ImportChunkProgress;
import okhttp3.RequestBody;

/**
 * Sends one chunk of an import file ({@code PUT …/imports/uploads/{importID}/files/{fileID}/chunks?offset=…},
 * {@code application/octet-stream}). The offset must equal the bytes HitKeep has received so far
 * (a smaller one is accepted as a replay and not stored twice; a larger one is refused with 409).
 */
public final class ImportChunkUpload extends HitKeepRequest<ImportChunkProgress, ImportChunkUpload> {
    ImportChunkUpload(HitKeep client, String siteId, String importId, String fileId, long offset, RequestBody body) {
        super(client, "PUT", "/api/sites/{id}/imports/uploads/{importID}/files/{fileID}/chunks",
                RouteAuth.TOKEN_OR_SESSION,
                new Object[] {siteId, importId, fileId}, client.context().json(ImportChunkProgress.class));
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be at least 0, got " + offset);
        }
        query("offset", offset);
        rawBody(body);
        if (body.isOneShot()) {
            maxRetries(0); // the bytes were read from the caller's stream and cannot be sent again
        }
    }
}
