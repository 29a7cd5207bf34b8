package io.tally.hitkeep;

import io.tally.core.spi.ResponseHandle;
import io.tally.core.spi.ResponseReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a downloading request puts the body: in memory (no target), into a file, or into a caller's
 * stream. Shared by every request that returns a {@link Download}; it reads the body in 8 KiB steps,
 * so a file or stream target never holds the whole export in memory. A file is written to a temporary
 * file in the same directory and moved into place once complete, so a failed download leaves the
 * target untouched.
 */
final class DownloadTarget {
    private static final long PROGRESS_STEP = 64 * 1024;

    private @Nullable OutputStream out;
    private @Nullable Path path;
    private @Nullable DownloadProgress progress;

    void stream(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out");
        this.path = null;
    }

    void file(Path path) {
        this.path = Objects.requireNonNull(path, "path");
        this.out = null;
    }

    void progress(@Nullable DownloadProgress progress) {
        this.progress = progress;
    }

    /** Reads the response into the target. Not repeatable when writing into a caller's stream. */
    ResponseReader<Download> reader() {
        return new ResponseReader<Download>() {
            @Override
            public Download read(ResponseHandle response) throws IOException {
                String fileName = fileNameOf(response.headers().first("Content-Disposition").orElse(null));
                String contentType = response.headers().first("Content-Type").orElse(null);
                Path toFile = path;
                OutputStream toStream = out;
                long total = contentLength(response);
                if (toFile != null) {
                    long n = saveAs(response.stream(), toFile, total);
                    return new Download(fileName, contentType, n, null, toFile);
                }
                if (toStream != null) {
                    long n = copy(response.stream(), toStream, total);
                    toStream.flush();
                    return new Download(fileName, contentType, n, null, null);
                }
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                long n = copy(response.stream(), buffer, total);
                return new Download(fileName, contentType, n, buffer.toByteArray(), null);
            }

            @Override
            public boolean repeatable() {
                // bytes already written into the caller's stream cannot be taken back
                return out == null;
            }

            @Override
            public boolean streamed() {
                // an export lasts as long as its body: no overall deadline
                return true;
            }
        };
    }

    /** Writes into a temporary file next to {@code target}, then moves it into place (atomically where possible). */
    private long saveAs(InputStream in, Path target, long total) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path name = absolute.getFileName();
        Path temp;
        try {
            temp = Files.createTempFile(dir, "." + (name == null ? "download" : name.toString()), ".part");
        } catch (IOException e) {
            // a local problem, not a network one: surface it as such instead of as a failed response
            throw new UncheckedIOException("cannot write the download next to " + absolute + ": " + e, e);
        }
        boolean done = false;
        try {
            long n;
            try (OutputStream file = Files.newOutputStream(temp)) {
                n = copy(in, file, total);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot move the finished download into place at " + absolute + ": " + e,
                        e);
            }
            done = true;
            return n;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private long copy(InputStream in, OutputStream out, long total) throws IOException {
        DownloadProgress listener = progress;
        byte[] buf = new byte[8192];
        long read = 0;
        long reported = 0;
        int n;
        while ((n = in.read(buf)) != -1) {
            out.write(buf, 0, n);
            read += n;
            if (listener != null && read - reported >= PROGRESS_STEP) {
                listener.onProgress(read, total);
                reported = read;
            }
        }
        if (listener != null && (read != reported || read == 0)) {
            listener.onProgress(read, total);
        }
        return read;
    }

    private static long contentLength(ResponseHandle response) {
        String length = response.headers().first("Content-Length").orElse(null);
        if (length == null) {
            return DownloadProgress.UNKNOWN_TOTAL;
        }
        try {
            long n = Long.parseLong(length.trim());
            return n >= 0 ? n : DownloadProgress.UNKNOWN_TOTAL;
        } catch (NumberFormatException e) {
            return DownloadProgress.UNKNOWN_TOTAL;
        }
    }

    /** The file name of {@code attachment; filename="hits.csv"} (or RFC 5987 {@code filename*=UTF-8''…}). */
    static @Nullable String fileNameOf(@Nullable String contentDisposition) {
        if (contentDisposition == null) {
            return null;
        }
        String plain = null;
        for (String part : contentDisposition.split(";")) {
            String p = part.trim();
            String lower = p.toLowerCase(Locale.ROOT);
            if (lower.startsWith("filename*=")) {
                String v = p.substring("filename*=".length()).trim();
                int quote = v.indexOf("''");
                String encoded = quote >= 0 ? v.substring(quote + 2) : v;
                try {
                    return java.net.URLDecoder.decode(encoded.replace("+", "%2B"), "UTF-8");
                } catch (java.io.UnsupportedEncodingException | IllegalArgumentException e) {
                    return encoded;
                }
            }
            if (lower.startsWith("filename=")) {
                String v = p.substring("filename=".length()).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                plain = v;
            }
        }
        return plain == null || plain.isEmpty() ? null : plain;
    }
}
