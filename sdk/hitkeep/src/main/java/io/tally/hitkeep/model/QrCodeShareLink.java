package io.tally.hitkeep.model;

import java.time.Instant;

/**
 * A read-only link exposing one QR code's stats and export ({@code /qr-share/{token}}).
 *
 * @param token     the share token: present only in the answer that created the link; open the link's data
 *                  with {@code hitkeep.sharedQrCode(token)}
 * @param tokenHint the first characters of the token, for recognising it in lists
 * @param url       the dashboard URL of the shared view, when HitKeep includes it
 */
public record QrCodeShareLink(String id, String siteId, String qrCodeId, String token, String tokenHint, String url,
        Instant createdAt) {
    @Override
    public String toString() {
        return "QrCodeShareLink[id=" + id + ", qrCodeId=" + qrCodeId + ", tokenHint=" + tokenHint
                + (token != null ? ", token=██" : "") + "]";
    }
}
