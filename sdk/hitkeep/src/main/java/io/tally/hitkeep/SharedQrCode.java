package io.tally.hitkeep;

import io.tally.hitkeep.model.QrCode;
import io.tally.hitkeep.model.QrCodeOpenSeriesPoint;
import io.tally.hitkeep.model.QrCodeSummary;
import java.util.List;

/**
 * One QR code seen through a QR-only share link ({@code /api/qr-share/{token}/…}): its definition,
 * graphic, opens, summary and takeout. These routes take the share token in the path and send no other
 * credentials, so any client (even one without an API token) can read them. Obtain a view with
 * {@link HitKeep#sharedQrCode(String)}; the token comes from {@code qrCodes().createShareLink(…)}.
 */
public final class SharedQrCode {
    private final HitKeep client;
    private final String token;

    SharedQrCode(HitKeep client, String token) {
        this.client = client;
        this.token = ShareTokens.require(token, "qrShareToken");
    }

    /** The shared QR code ({@code GET /api/qr-share/{token}/qr-code}). */
    public HitKeepCall<QrCode> get() {
        return new HitKeepCall<>(client, "GET", "/api/qr-share/{token}/qr-code", RouteAuth.SHARE_TOKEN,
                new Object[] {token},
                client.context().json(QrCode.class));
    }

    /** The attached graphic ({@code GET /api/qr-share/{token}/qr-code/asset}). */
    public DownloadRequest asset() {
        return new DownloadRequest(client, "/api/qr-share/{token}/qr-code/asset", RouteAuth.SHARE_TOKEN, token);
    }

    /** Redirect opens over time ({@code GET /api/qr-share/{token}/qr-code/opens/timeseries}). */
    public RangeRequest<List<QrCodeOpenSeriesPoint>> opens() {
        return new RangeRequest<>(client, "GET", "/api/qr-share/{token}/qr-code/opens/timeseries",
                RouteAuth.SHARE_TOKEN,
                new Object[] {token}, client.context().listOf(QrCodeOpenSeriesPoint.class));
    }

    /** Opens plus the visits they brought ({@code GET /api/qr-share/{token}/qr-code/summary}). */
    public RangeRequest<QrCodeSummary> summary() {
        return new RangeRequest<>(client, "GET", "/api/qr-share/{token}/qr-code/summary", RouteAuth.SHARE_TOKEN,
                new Object[] {token}, client.context().json(QrCodeSummary.class));
    }

    /** The code's definition, opens and scoped analytics as a file ({@code GET /api/qr-share/{token}/qr-code/takeout}). */
    public ExportRequest takeout() {
        return new ExportRequest(client, "/api/qr-share/{token}/qr-code/takeout", RouteAuth.SHARE_TOKEN, token);
    }

    @Override
    public String toString() {
        return "SharedQrCode[token=██]";
    }
}
