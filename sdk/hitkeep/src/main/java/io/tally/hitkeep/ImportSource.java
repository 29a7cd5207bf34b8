package io.tally.hitkeep;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A file to import with {@link Imports#upload(String, io.tally.hitkeep.model.ImportProvider, java.util.List)}:
 * a file on disk (size and SHA-256 are computed, chunks are read from disk and may be retried) or a
 * stream of known length (sent as it is read, once; a failed chunk is not retried).
 */
public final class ImportSource {
    private final String filename;
    private final long sizeBytes;
    private final @Nullable Path file;
    private final @Nullable InputStream stream;

    private ImportSource(String filename, long sizeBytes, @Nullable Path file, @Nullable InputStream stream) {
        this.filename = filename;
        this.sizeBytes = sizeBytes;
        this.file = file;
        this.stream = stream;
    }

    /**
     * A file on disk; its name must end in {@code .zip} or {@code .csv}.
     *
     * @throws UncheckedIOException when the file's size cannot be read
     */
    public static ImportSource of(Path file) {
        Objects.requireNonNull(file, "file");
        Path name = file.getFileName();
        if (name == null) {
            throw new IllegalArgumentException("file must name a file, got '" + file + "'");
        }
        try {
            return new ImportSource(name.toString(), Files.size(file), file, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
    }

    /**
     * A stream of exactly {@code sizeBytes} bytes, sent under {@code filename} ({@code .zip} or {@code .csv}).
     * The stream is read once and not closed.
     */
    public static ImportSource of(String filename, long sizeBytes, InputStream stream) {
        Objects.requireNonNull(stream, "stream");
        if (sizeBytes < 1) {
            throw new IllegalArgumentException("sizeBytes of " + filename + " must be at least 1, got " + sizeBytes);
        }
        return new ImportSource(filename, sizeBytes, null, stream);
    }

    /** The file name sent to HitKeep. */
    public String filename() {
        return filename;
    }

    /** The size in bytes. */
    public long sizeBytes() {
        return sizeBytes;
    }

    @Nullable
    Path file() {
        return file;
    }

    @Nullable
    InputStream stream() {
        return stream;
    }

    @Override
    public String toString() {
        return "ImportSource[" + filename + ", " + sizeBytes + " bytes" + (file != null ? ", " + file : ", stream")
                + "]";
    }
}
