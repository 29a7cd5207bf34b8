package io.tally.hitkeep;

/**
 * A file download with no options of its own, such as a QR code's graphic. See {@link FileRequest}
 * for where the bytes go.
 */
public final class DownloadRequest extends FileRequest<DownloadRequest> {
    DownloadRequest(HitKeep client, String pathTemplate, RouteAuth auth, Object... pathValues) {
        super(client, pathTemplate, auth, pathValues, new DownloadTarget());
    }
}
