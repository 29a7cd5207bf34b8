package io.tally.engagetrack;

import io.tally.engagetrack.model.AnalyticsReport;
import io.tally.engagetrack.model.ChannelReport;

/**
 * A site's analytics (scope {@code analytics:read}). Each returns an {@link AnalyticsCall} taking
 * {@code period}, {@code date}, {@code filters} and {@code limit}. Charts, devices, locations and revenue have
 * no published paths: use {@link EngageTrack#raw()}.
 */
public final class Analytics {
    private static final String SITE = "/organizations/{orgId}/sites/{siteId}/analytics/";
    private final EngageTrack client;

    Analytics(EngageTrack client) {
        this.client = client;
    }

    /** {@code GET …/analytics/stats}: headline numbers (fields not published; see {@link AnalyticsReport}). */
    public AnalyticsCall<AnalyticsReport> stats(String siteId) {
        return report("stats", siteId);
    }

    /** {@code GET …/analytics/pages}: top pages (fields not published). */
    public AnalyticsCall<AnalyticsReport> pages(String siteId) {
        return report("pages", siteId);
    }

    /** {@code GET …/analytics/channels/enriched}: channels with revenue, their top sources and the currency. */
    public AnalyticsCall<ChannelReport> channels(String siteId) {
        return new AnalyticsCall<>(client, SITE + "channels/enriched", client.context().json(ChannelReport.class),
                siteId);
    }

    /** {@code GET …/analytics/sources}: traffic by top-level source (fields not published). */
    public AnalyticsCall<AnalyticsReport> sources(String siteId) {
        return report("sources", siteId);
    }

    /** {@code GET …/analytics/referrers}: traffic by normalised referrer domain (fields not published). */
    public AnalyticsCall<AnalyticsReport> referrers(String siteId) {
        return report("referrers", siteId);
    }

    /** {@code GET …/analytics/campaigns}: traffic by UTM campaign (fields not published). */
    public AnalyticsCall<AnalyticsReport> campaigns(String siteId) {
        return report("campaigns", siteId);
    }

    private AnalyticsCall<AnalyticsReport> report(String name, String siteId) {
        return new AnalyticsCall<>(client, SITE + name, client.context().json(AnalyticsReport.class), siteId);
    }
}
