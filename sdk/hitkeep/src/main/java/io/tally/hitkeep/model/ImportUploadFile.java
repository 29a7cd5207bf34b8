package io.tally.hitkeep.model;

import org.jspecify.annotations.Nullable;

/**
 * A file of an import upload and how much of it HitKeep has received.
 *
 * @param id            the file id, used in the chunk upload route
 * @param filename      the sanitised file name
 * @param sizeBytes     the declared size
 * @param bytesReceived bytes stored so far; the next chunk starts at this offset
 * @param sha256        the declared checksum, or {@code null}
 * @param status        the upload state, e.g. {@code pending}, {@code uploading}, {@code uploaded}
 */
public record ImportUploadFile(String id, String filename, long sizeBytes, long bytesReceived, @Nullable String sha256,
        String status) {
    /** Whether every declared byte has arrived. */
    public boolean complete() {
        return bytesReceived >= sizeBytes;
    }
}
