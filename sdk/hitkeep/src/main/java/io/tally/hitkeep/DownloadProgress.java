package io.tally.hitkeep;

/**
 * Reports how far a download has come, for exports and takeouts that take a while. Called on the downloading
 * thread after each 64 KiB and once at the end, so keep it quick.
 *
 * <pre>{@code
 * hitkeep.sites().takeout(siteId).format(ExportFormat.PARQUET)
 *     .onProgress((read, total) -> System.out.printf("%d of %s bytes%n", read, total < 0 ? "?" : total))
 *     .into(Paths.get("site.parquet"))
 *     .execute();
 * }</pre>
 */
@FunctionalInterface
public interface DownloadProgress {
    /** The {@code totalBytes} value when the server did not announce a length. */
    long UNKNOWN_TOTAL = -1;

    /**
     * @param bytesRead  bytes received so far
     * @param totalBytes the announced length ({@code Content-Length}), or {@link #UNKNOWN_TOTAL}
     */
    void onProgress(long bytesRead, long totalBytes);
}
