package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * A site's traffic over a window: headline numbers, a chart, "top N" lists (10 rows each), goal
 * conversions and funnels. From {@code GET /api/sites/{id}/stats}; also what share links show.
 *
 * @param liveVisitors distinct sessions in the last five minutes (not limited to the window)
 * @param totalPageviews pageviews in the window
 * @param uniqueSessions distinct sessions in the window
 * @param bounceRatePercent single-page sessions, in percent (0–100)
 * @param avgSessionDurationSeconds average session length in seconds
 * @param pagesPerSession average pageviews per session
 * @param chartData the traffic chart
 * @param topPages most viewed paths
 * @param topLandingPages most frequent first pages of a session
 * @param topExitPages most frequent last pages of a session
 * @param topReferrers referrer groups, e.g. {@code (Direct)}
 * @param topDevices device classes
 * @param topCountries countries
 * @param topCities cities
 * @param topProviders network providers
 * @param topAsns autonomous systems
 * @param topBrowsers browsers (sent by HitKeep though missing from its OpenAPI document)
 * @param topAiBots AI crawlers by hits
 * @param topAiSources AI assistants that referred visitors, by sessions
 * @param topLanguages primary language subtags
 * @param topUtmCampaigns {@code utm_campaign} values
 * @param topUtmContents {@code utm_content} values
 * @param topUtmMediums {@code utm_medium} values
 * @param topUtmSources {@code utm_source} values
 * @param topUtmTerms {@code utm_term} values
 * @param aiBotHits hits from AI crawlers
 * @param aiSourceVisits sessions referred by AI assistants
 * @param utmCampaignHits hits that carried a {@code utm_campaign}
 * @param utmContentHits hits that carried a {@code utm_content}
 * @param utmMediumHits hits that carried a {@code utm_medium}
 * @param utmSourceHits hits that carried a {@code utm_source}
 * @param utmTermHits hits that carried a {@code utm_term}
 * @param goals conversions of every goal of the site
 * @param funnels the site's funnels (definitions; see {@code funnels().stats(…)} for their numbers)
 * @param importedExcluded why imported data was left out, if it was
 * @param comparison the comparison window's numbers; empty when no comparison was asked for (Tally's convention:
 *     a value present only when asked for is an {@code Optional}, never {@code null})
 */
public record SiteStats(
        long liveVisitors,
        long totalPageviews,
        long uniqueSessions,
        @JsonProperty("bounce_rate") double bounceRatePercent,
        @JsonProperty("avg_session_duration") double avgSessionDurationSeconds,
        double pagesPerSession,
        List<ChartDataPoint> chartData,
        List<MetricStat> topPages,
        List<MetricStat> topLandingPages,
        List<MetricStat> topExitPages,
        List<MetricStat> topReferrers,
        List<MetricStat> topDevices,
        List<MetricStat> topCountries,
        List<MetricStat> topCities,
        List<MetricStat> topProviders,
        List<MetricStat> topAsns,
        List<MetricStat> topBrowsers,
        List<MetricStat> topAiBots,
        List<MetricStat> topAiSources,
        List<MetricStat> topLanguages,
        List<MetricStat> topUtmCampaigns,
        List<MetricStat> topUtmContents,
        List<MetricStat> topUtmMediums,
        List<MetricStat> topUtmSources,
        List<MetricStat> topUtmTerms,
        long aiBotHits,
        long aiSourceVisits,
        long utmCampaignHits,
        long utmContentHits,
        long utmMediumHits,
        long utmSourceHits,
        long utmTermHits,
        List<GoalStats> goals,
        List<Funnel> funnels,
        List<ImportExclusionReason> importedExcluded,
        Optional<StatsComparison> comparison) {
    /** Copies each list into an unmodifiable one; {@code null} becomes empty. */
    public SiteStats {
        chartData = Immutable.list(chartData);
        topPages = Immutable.list(topPages);
        topLandingPages = Immutable.list(topLandingPages);
        topExitPages = Immutable.list(topExitPages);
        topReferrers = Immutable.list(topReferrers);
        topDevices = Immutable.list(topDevices);
        topCountries = Immutable.list(topCountries);
        topCities = Immutable.list(topCities);
        topProviders = Immutable.list(topProviders);
        topAsns = Immutable.list(topAsns);
        topBrowsers = Immutable.list(topBrowsers);
        topAiBots = Immutable.list(topAiBots);
        topAiSources = Immutable.list(topAiSources);
        topLanguages = Immutable.list(topLanguages);
        topUtmCampaigns = Immutable.list(topUtmCampaigns);
        topUtmContents = Immutable.list(topUtmContents);
        topUtmMediums = Immutable.list(topUtmMediums);
        topUtmSources = Immutable.list(topUtmSources);
        topUtmTerms = Immutable.list(topUtmTerms);
        goals = Immutable.list(goals);
        funnels = Immutable.list(funnels);
        importedExcluded = Immutable.list(importedExcluded);
        comparison = comparison == null ? Optional.empty() : comparison;
    }

    /** Whether the response carries a comparison window ({@code compare_from}/{@code compare_to} were sent). */
    public boolean hasComparison() {
        return comparison.isPresent();
    }
}
