package io.tally.hitkeep.model;

/**
 * Sales attributed to one traffic source (referrer and UTM values) over a window.
 *
 * @param referrer the referrer group
 * @param utmSource the {@code utm_source}
 * @param utmMedium the {@code utm_medium}
 * @param utmCampaign the {@code utm_campaign}
 * @param orders orders from this source
 * @param revenue revenue from this source
 */
public record EcommerceSourceStat(
        String referrer,
        String utmSource,
        String utmMedium,
        String utmCampaign,
        long orders,
        double revenue) {}
