package io.tally.hitkeep.model;

import java.util.List;

/**
 * A QR campaign's results over a window: redirect opens, and the pageviews and visitors of the visits
 * it brought (hits carrying its {@code hk_qr} id) with their top pages, referrers, devices and countries.
 */
public record QrCodeSummary(QrCode qrCode, long openCount, long pageviews, long visitors, List<MetricStat> topPages,
        List<MetricStat> topReferrers, List<MetricStat> topDevices, List<MetricStat> topCountries) {
    /** Copies each list into an unmodifiable one; {@code null} becomes empty. */
    public QrCodeSummary {
        topPages = Immutable.list(topPages);
        topReferrers = Immutable.list(topReferrers);
        topDevices = Immutable.list(topDevices);
        topCountries = Immutable.list(topCountries);
    }
}
