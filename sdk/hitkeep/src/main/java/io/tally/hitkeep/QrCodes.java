package io.tally.hitkeep;

import io.tally.hitkeep.model.QrCode;
import io.tally.hitkeep.model.QrCodeAsset;
import io.tally.hitkeep.model.QrCodeInput;
import io.tally.hitkeep.model.QrCodeOpenSeriesPoint;
import io.tally.hitkeep.model.QrCodeShareLink;
import io.tally.hitkeep.model.QrCodeSummary;
import io.tally.hitkeep.model.Redirect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/**
 * Dynamic QR campaigns of a site: definitions, graphics, open series and summaries, takeouts, and
 * QR-only share links. Reading needs {@code site.view}, changing needs {@code site.manage_data}; all
 * routes accept an API token or a session. {@link #open(String)} follows a printed code's public
 * redirect.
 *
 * <pre>{@code
 * QrCode flyer = hitkeep.qrCodes().create(siteId,
 *     QrCodeInput.builder("Spring flyer", "https://shop.example.com/spring").utmMedium("print").build()).execute();
 * QrCodeSummary result = hitkeep.qrCodes().summary(siteId, flyer.id()).range(DateRange.lastDays(30)).execute();
 * }</pre>
 */
public final class QrCodes {
    /** HitKeep's limit on an uploaded graphic: 2 MiB. */
    public static final long MAX_ASSET_BYTES = 2L << 20;

    private final HitKeep client;

    QrCodes(HitKeep client) {
        this.client = client;
    }

    /** The site's QR codes, archived ones excluded ({@code GET /api/sites/{id}/qr-codes}). */
    public HitKeepCall<List<QrCode>> list(String siteId) {
        return call("GET", "/api/sites/{id}/qr-codes", client.context().listOf(QrCode.class), siteId);
    }

    /** Creates a QR code; the answer carries its redirect URL ({@code POST /api/sites/{id}/qr-codes}, 201). */
    public HitKeepCall<QrCode> create(String siteId, QrCodeInput input) {
        Objects.requireNonNull(input, "input");
        return call("POST", "/api/sites/{id}/qr-codes", client.context().json(QrCode.class), siteId).body(input);
    }

    /** One QR code ({@code GET /api/sites/{id}/qr-codes/{qrID}}). */
    public HitKeepCall<QrCode> get(String siteId, String qrCodeId) {
        return call("GET", "/api/sites/{id}/qr-codes/{qrID}", client.context().json(QrCode.class), siteId, qrCodeId);
    }

    /**
     * Replaces a QR code's settings (destination, UTM and custom parameters, style); printed codes keep working
     * ({@code PATCH /api/sites/{id}/qr-codes/{qrID}}). Fields left out of {@code input} are cleared.
     */
    public HitKeepCall<QrCode> update(String siteId, String qrCodeId, QrCodeInput input) {
        Objects.requireNonNull(input, "input");
        return call("PATCH", "/api/sites/{id}/qr-codes/{qrID}", client.context().json(QrCode.class), siteId, qrCodeId)
                .body(input);
    }

    /**
     * Archives a QR code: its redirect stops, its history stays ({@code DELETE /api/sites/{id}/qr-codes/{qrID}}, 204).
     */
    public HitKeepCall<Void> archive(String siteId, String qrCodeId) {
        return call("DELETE", "/api/sites/{id}/qr-codes/{qrID}", io.tally.core.spi.ResponseReader.discard(), siteId,
                qrCodeId);
    }

    /** The attached graphic ({@code GET /api/sites/{id}/qr-codes/{qrID}/asset}); 404 when there is none. */
    public DownloadRequest asset(String siteId, String qrCodeId) {
        return new DownloadRequest(client, "/api/sites/{id}/qr-codes/{qrID}/asset", RouteAuth.TOKEN_OR_SESSION, siteId,
                qrCodeId);
    }

    /**
     * Attaches a PNG, JPEG or WebP graphic read from a file, replacing any earlier one
     * ({@code PUT /api/sites/{id}/qr-codes/{qrID}/asset}, multipart field {@code asset}). The type comes from
     * the file name's extension.
     *
     * @throws IllegalArgumentException when the file is larger than {@value #MAX_ASSET_BYTES} bytes, empty,
     *                                  or not named .png/.jpg/.jpeg/.webp
     */
    public AssetUpload uploadAsset(String siteId, String qrCodeId, Path image) {
        Objects.requireNonNull(image, "image");
        long size;
        try {
            size = Files.size(image);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + image, e);
        }
        checkAssetSize(size);
        String filename = image.getFileName() == null ? "qr-asset" : image.getFileName().toString();
        MediaType type = imageType(filename);
        return new AssetUpload(client, siteId, qrCodeId, filename, ChunkBodies.fileRange(image, 0, size, type));
    }

    /** Attaches a graphic held in memory; {@code filename}'s extension gives the type. */
    public AssetUpload uploadAsset(String siteId, String qrCodeId, String filename, byte[] image) {
        Objects.requireNonNull(image, "image");
        checkAssetSize(image.length);
        return new AssetUpload(client, siteId, qrCodeId, filename, RequestBody.create(image, imageType(filename)));
    }

    /**
     * Attaches a graphic read from a stream of {@code sizeBytes} bytes (sent once, not retried); pass
     * {@code -1} when the size is unknown and let HitKeep refuse one over 2 MiB (413).
     */
    public AssetUpload uploadAsset(String siteId, String qrCodeId, String filename, InputStream image, long sizeBytes) {
        Objects.requireNonNull(image, "image");
        if (sizeBytes != -1) {
            checkAssetSize(sizeBytes);
        }
        MediaType type = imageType(filename);
        RequestBody body = sizeBytes == -1 ? unknownLength(image, type) : ChunkBodies.stream(image, sizeBytes, type);
        return new AssetUpload(client, siteId, qrCodeId, filename, body);
    }

    /** Removes the attached graphic ({@code DELETE /api/sites/{id}/qr-codes/{qrID}/asset}, 204). */
    public HitKeepCall<Void> deleteAsset(String siteId, String qrCodeId) {
        return call("DELETE", "/api/sites/{id}/qr-codes/{qrID}/asset", io.tally.core.spi.ResponseReader.discard(),
                siteId, qrCodeId);
    }

    /** Redirect opens over time ({@code GET /api/sites/{id}/qr-codes/{qrID}/opens/timeseries}). */
    public RangeRequest<List<QrCodeOpenSeriesPoint>> opens(String siteId, String qrCodeId) {
        return range("/api/sites/{id}/qr-codes/{qrID}/opens/timeseries",
                client.context().listOf(QrCodeOpenSeriesPoint.class),
                siteId, qrCodeId);
    }

    /** Opens plus the visits they brought ({@code GET /api/sites/{id}/qr-codes/{qrID}/summary}). */
    public RangeRequest<QrCodeSummary> summary(String siteId, String qrCodeId) {
        return range("/api/sites/{id}/qr-codes/{qrID}/summary", client.context().json(QrCodeSummary.class), siteId,
                qrCodeId);
    }

    /**
     * The QR code's definition, asset metadata, opens and QR-filtered analytics as a file
     * ({@code GET /api/sites/{id}/qr-codes/{qrID}/takeout}; xlsx unless a format is set).
     */
    public ExportRequest takeout(String siteId, String qrCodeId) {
        return new ExportRequest(client, "/api/sites/{id}/qr-codes/{qrID}/takeout", RouteAuth.TOKEN_OR_SESSION, siteId,
                qrCodeId);
    }

    /** The QR-only share links of a code; tokens are not included ({@code GET /api/sites/{id}/qr-codes/{qrID}/share}). */
    public HitKeepCall<List<QrCodeShareLink>> shareLinks(String siteId, String qrCodeId) {
        return call("GET", "/api/sites/{id}/qr-codes/{qrID}/share", client.context().listOf(QrCodeShareLink.class),
                siteId, qrCodeId);
    }

    /**
     * Creates a read-only link to one QR code's stats and export; the answer is the only place its
     * {@code token} appears ({@code POST /api/sites/{id}/qr-codes/{qrID}/share}, 201).
     */
    public HitKeepCall<QrCodeShareLink> createShareLink(String siteId, String qrCodeId) {
        return call("POST", "/api/sites/{id}/qr-codes/{qrID}/share", client.context().json(QrCodeShareLink.class),
                siteId, qrCodeId);
    }

    /** Revokes a QR-only share link ({@code DELETE /api/sites/{id}/qr-codes/{qrID}/share/{shareID}}, 204). */
    public HitKeepCall<Void> deleteShareLink(String siteId, String qrCodeId, String shareId) {
        return call("DELETE", "/api/sites/{id}/qr-codes/{qrID}/share/{shareID}",
                io.tally.core.spi.ResponseReader.discard(),
                siteId, qrCodeId, shareId);
    }

    /**
     * Follows a printed code's public redirect the way a scan does ({@code GET /q/{token}}, no credentials):
     * HitKeep records an open and answers 302; the {@link Redirect#location()} is the destination with the
     * UTM parameters and {@code hk_qr} added. Use {@link QrOpenRequest#withoutRecordingOpen()} to check a code
     * without counting an open.
     */
    public QrOpenRequest open(String redirectToken) {
        return new QrOpenRequest(client, redirectToken);
    }

    private static void checkAssetSize(long size) {
        if (size < 1) {
            throw new IllegalArgumentException("image must not be empty");
        }
        if (size > MAX_ASSET_BYTES) {
            throw new IllegalArgumentException(
                    "image is " + size + " bytes; HitKeep accepts QR graphics up to " + MAX_ASSET_BYTES
                            + " bytes (2 MiB)");
        }
    }

    static MediaType imageType(String filename) {
        if (filename == null || filename.trim().isEmpty()) {
            throw new IllegalArgumentException(
                    "filename must not be null or blank; its extension gives the image type");
        }
        String lower = filename.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return MediaType.get("image/png");
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return MediaType.get("image/jpeg");
        }
        if (lower.endsWith(".webp")) {
            return MediaType.get("image/webp");
        }
        throw new IllegalArgumentException(
                "filename must end in .png, .jpg, .jpeg or .webp (HitKeep accepts PNG, JPEG and WebP), got '"
                        + filename + "'");
    }

    private static RequestBody unknownLength(InputStream in, MediaType type) {
        return new RequestBody() {
            private boolean written;

            @Override
            public MediaType contentType() {
                return type;
            }

            @Override
            public boolean isOneShot() {
                return true;
            }

            @Override
            public void writeTo(okio.BufferedSink sink) throws IOException {
                if (written) {
                    throw new IOException("a streamed body cannot be sent twice; the stream has been consumed");
                }
                written = true;
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) != -1) {
                    sink.write(buf, 0, n);
                }
            }
        };
    }

    private <T> HitKeepCall<T> call(String method, String route, io.tally.core.spi.ResponseReader<T> reader,
            Object... path) {
        return new HitKeepCall<>(client, method, route, RouteAuth.TOKEN_OR_SESSION, path, reader);
    }

    private <T> RangeRequest<T> range(String route, io.tally.core.spi.ResponseReader<T> reader, Object... path) {
        return new RangeRequest<>(client, "GET", route, RouteAuth.TOKEN_OR_SESSION, path, reader);
    }

    /** The graphic upload ({@code multipart/form-data}, field {@code asset}); answers the stored {@link QrCodeAsset}. */
    public static final class AssetUpload extends HitKeepRequest<QrCodeAsset, AssetUpload> {
        AssetUpload(HitKeep client, String siteId, String qrCodeId, String filename, RequestBody image) {
            super(client, "PUT", "/api/sites/{id}/qr-codes/{qrID}/asset", RouteAuth.TOKEN_OR_SESSION,
                    new Object[] {siteId, qrCodeId}, client.context().json(QrCodeAsset.class));
            rawBody(new MultipartBody.Builder()
                    .setType(MultipartBody.FORM)
                    .addFormDataPart("asset", filename, image)
                    .build());
            if (image.isOneShot()) {
                maxRetries(0); // the caller's stream cannot be read twice
            }
        }
    }

    /** The public QR redirect; see {@link QrCodes#open(String)}. */
    public static final class QrOpenRequest extends HitKeepRequest<Redirect, QrOpenRequest> {
        QrOpenRequest(HitKeep client, String redirectToken) {
            super(client, "GET", "/q/{token}", RouteAuth.PUBLIC, new Object[] {redirectToken}, RedirectReader.INSTANCE);
        }

        /**
         * Sends {@code DNT: 1}, which HitKeep honours by not recording the open: for checking where a code
         * leads without counting a scan.
         */
        public QrOpenRequest withoutRecordingOpen() {
            return endpointHeader("DNT", "1");
        }
    }
}
