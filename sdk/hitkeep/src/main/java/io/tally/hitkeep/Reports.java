package io.tally.hitkeep;

import io.tally.core.spi.ResponseReader;
import io.tally.hitkeep.model.DigestSubscription;
import io.tally.hitkeep.model.ReportSubscriptions;
import java.util.Objects;

/**
 * The signed-in user's e-mail report subscriptions: the cross-site digest and per-site reports. <b>Session
 * only</b>. Takeouts are {@code sites().takeout(siteId)} and {@code account().takeout()}.
 *
 * <pre>{@code
 * dashboard.reports().updateSite(siteId, new DigestSubscription(false, true, true)).execute();
 * }</pre>
 */
public final class Reports {
    private final HitKeep client;

    Reports(HitKeep client) {
        this.client = client;
    }

    /** The digest and per-site subscriptions ({@code GET /api/user/report-subscriptions}). */
    public HitKeepCall<ReportSubscriptions> subscriptions() {
        return new HitKeepCall<>(client, "GET", "/api/user/report-subscriptions", RouteAuth.SESSION_ONLY, new Object[0],
                client.context().json(ReportSubscriptions.class));
    }

    /** Sets which cross-site digests to receive ({@code PUT /api/user/report-subscriptions/digest}, 204). */
    public HitKeepCall<Void> updateDigest(DigestSubscription digest) {
        Objects.requireNonNull(digest, "digest");
        return new HitKeepCall<>(client, "PUT", "/api/user/report-subscriptions/digest", RouteAuth.SESSION_ONLY,
                new Object[0],
                ResponseReader.discard()).body(digest);
    }

    /** Sets which reports to receive for one site ({@code PUT /api/user/report-subscriptions/sites/{site_id}}, 204). */
    public HitKeepCall<Void> updateSite(String siteId, DigestSubscription reports) {
        Objects.requireNonNull(reports, "reports");
        return new HitKeepCall<>(client, "PUT", "/api/user/report-subscriptions/sites/{site_id}",
                RouteAuth.SESSION_ONLY,
                new Object[] {Inputs.id("siteId", siteId)}, ResponseReader.discard()).body(reports);
    }
}
