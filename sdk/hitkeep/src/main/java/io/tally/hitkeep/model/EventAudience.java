package io.tally.hitkeep.model;

import java.util.List;

/**
 * Who sent an event: the top pages, referrers, countries, devices, cities, providers and networks of the
 * sessions that sent it.
 *
 * @param topPages pages the event was sent from
 * @param topReferrers referrer groups of those sessions
 * @param topCountries their countries
 * @param topDevices their device classes
 * @param topCities their cities
 * @param topProviders their network providers
 * @param topAsns their autonomous systems
 * @param importedExcluded why imported data was left out, if it was
 */
public record EventAudience(
        List<MetricStat> topPages,
        List<MetricStat> topReferrers,
        List<MetricStat> topCountries,
        List<MetricStat> topDevices,
        List<MetricStat> topCities,
        List<MetricStat> topProviders,
        List<MetricStat> topAsns,
        List<ImportExclusionReason> importedExcluded) {
    /** Copies each list into an unmodifiable one; {@code null} becomes empty. */
    public EventAudience {
        topPages = Immutable.list(topPages);
        topReferrers = Immutable.list(topReferrers);
        topCountries = Immutable.list(topCountries);
        topDevices = Immutable.list(topDevices);
        topCities = Immutable.list(topCities);
        topProviders = Immutable.list(topProviders);
        topAsns = Immutable.list(topAsns);
        importedExcluded = Immutable.list(importedExcluded);
    }
}
