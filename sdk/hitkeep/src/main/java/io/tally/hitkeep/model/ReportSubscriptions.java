package io.tally.hitkeep.model;

import java.util.List;

/**
 * The user's e-mail report subscriptions: the cross-site digest and per-site reports.
 *
 * @param digest the cross-site digest
 * @param sites per-site reports
 */
public record ReportSubscriptions(
        DigestSubscription digest,
        List<SiteReportSubscription> sites) {
    /** Copies {@code sites} into an unmodifiable list; {@code null} becomes empty. */
    public ReportSubscriptions {
        sites = Immutable.list(sites);
    }
}
