package io.tally.hitkeep.model;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A dynamic QR campaign: the printed code points at {@link #redirectUrl()} ({@code /q/{token}}), which
 * records an open and redirects to {@link #destinationUrl()} with the UTM and custom parameters and
 * {@code hk_qr=<id>} added. The destination can be changed after printing.
 *
 * @param redirectUrl the URL encoded in the printed code, when HitKeep includes it
 * @param tokenHint   the first characters of the redirect token, for recognising it
 * @param style       the dashboard's rendering options (colours, logo…), free-form
 * @param hasAsset    whether a graphic is attached ({@code qrCodes().asset(…)})
 * @param archivedAt  when the code was archived, or {@code null}
 */
public record QrCode(String id, String siteId, String createdBy, String name, String destinationUrl, String utmSource,
        String utmMedium, String utmCampaign, String utmTerm, String utmContent, Map<String, String> customParams,
        Map<String, Object> style, String redirectUrl, String tokenHint, boolean hasAsset, Instant createdAt,
        Instant updatedAt, @Nullable Instant archivedAt) {
    /** Copies {@code customParams} and {@code style} into unmodifiable maps; {@code null} becomes empty. */
    public QrCode {
        customParams = Immutable.map(customParams);
        style = Immutable.map(style);
    }

    /** Whether the code is archived (its redirect no longer works; history is kept). */
    public boolean archived() {
        return archivedAt != null;
    }
}
