package io.tally.hitkeep;

import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A request whose answer is a file (export, takeout, QR graphic). {@code execute()} returns a
 * {@link Download}; by default the bytes are held in memory, which suits small files such as QR
 * graphics. For exports, name a target first and the body is streamed there:
 *
 * <pre>{@code
 * Download d = hitkeep.qrCodes().takeout(siteId, qrId).format(ExportFormat.CSV)
 *     .into(Paths.get("spring-flyer.csv"))
 *     .execute();
 * }</pre>
 *
 * <p>A file target is written through a temporary file in the same directory that is moved into
 * place once the download is complete, so a failed download never leaves a partial file; it is
 * retried like any read. A download into a caller's {@link OutputStream} is not retried once bytes
 * have been written to it. {@link #onProgress(DownloadProgress)} reports the bytes received.
 *
 * @param <R> the concrete request type
 */
public abstract class FileRequest<R extends FileRequest<R>> extends HitKeepRequest<Download, R> {
    private final DownloadTarget target;

    FileRequest(HitKeep client, String pathTemplate, RouteAuth auth, Object[] pathValues, DownloadTarget target) {
        super(client, "GET", pathTemplate, auth, pathValues, target.reader());
        this.target = target;
    }

    /** Streams the body into this file (created or truncated) instead of holding it in memory. */
    public R into(Path file) {
        target.file(file);
        return self();
    }

    /** Streams the body into this stream (left open) instead of holding it in memory. */
    public R into(OutputStream out) {
        target.stream(out);
        return self();
    }

    /** Reports the bytes received (and the announced length, when known) while the body is read. */
    public R onProgress(DownloadProgress listener) {
        target.progress(listener);
        return self();
    }
}
