package io.tally.hitkeep;

import java.nio.file.Path;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A file HitKeep sent (an export, a takeout, a QR graphic): its name and type as the server
 * announced them, how many bytes arrived, and where they went. Bytes are held in memory only when the
 * request had no target ({@link #bytes()}); with {@code saveTo(Path)} or {@code writeTo(OutputStream)}
 * they were streamed through without being held.
 */
public final class Download {
    private final @Nullable String fileName;
    private final @Nullable String contentType;
    private final long sizeBytes;
    private final byte @Nullable [] bytes;
    private final @Nullable Path savedTo;

    Download(@Nullable String fileName, @Nullable String contentType, long sizeBytes, byte @Nullable [] bytes,
            @Nullable Path savedTo) {
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.bytes = bytes;
        this.savedTo = savedTo;
    }

    /** The file name from {@code Content-Disposition}, or {@code null} when the server sent none. */
    public @Nullable String fileName() {
        return fileName;
    }

    /** The {@code Content-Type} the server sent, e.g. {@code text/csv} or {@code image/png}; may be {@code null}. */
    public @Nullable String contentType() {
        return contentType;
    }

    /** How many bytes were received. */
    public long sizeBytes() {
        return sizeBytes;
    }

    /** Whether the content is held in memory (the request had no file or stream to write to). */
    public boolean inMemory() {
        return bytes != null;
    }

    /**
     * The content, when it was held in memory.
     *
     * @throws IllegalStateException when the content was streamed to a file or an output stream
     */
    public byte[] bytes() {
        if (bytes == null) {
            throw new IllegalStateException(
                    "the download was streamed to " + (savedTo != null ? savedTo : "an output stream")
                            + " and is not held in memory");
        }
        return Arrays.copyOf(bytes, bytes.length);
    }

    /** The file the content was saved to, or {@code null}. */
    public @Nullable Path savedTo() {
        return savedTo;
    }

    @Override
    public String toString() {
        return "Download[" + (fileName != null ? fileName : "(unnamed)") + ", " + contentType + ", " + sizeBytes
                + " bytes"
                + (savedTo != null ? ", saved to " + savedTo : "") + "]";
    }
}
