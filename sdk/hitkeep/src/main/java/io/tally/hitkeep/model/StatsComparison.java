package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The headline numbers of the comparison window, present in {@link SiteStats#comparison()} when the request
 * set {@code compare_from} and {@code compare_to}.
 *
 * @param totalPageviews pageviews in the comparison window
 * @param uniqueSessions distinct sessions in the comparison window
 * @param bounceRatePercent single-page sessions, in percent (0–100)
 * @param avgSessionDurationSeconds average session length in seconds
 * @param pagesPerSession average pageviews per session
 * @param chartData the comparison window's traffic chart
 * @param utmCampaignHits hits that carried a {@code utm_campaign}
 * @param utmContentHits hits that carried a {@code utm_content}
 * @param utmMediumHits hits that carried a {@code utm_medium}
 * @param utmSourceHits hits that carried a {@code utm_source}
 * @param utmTermHits hits that carried a {@code utm_term}
 * @param goals goal conversions in the comparison window
 * @param totalConversions all goal conversions in the comparison window
 */
public record StatsComparison(
        long totalPageviews,
        long uniqueSessions,
        @JsonProperty("bounce_rate") double bounceRatePercent,
        @JsonProperty("avg_session_duration") double avgSessionDurationSeconds,
        double pagesPerSession,
        List<ChartDataPoint> chartData,
        long utmCampaignHits,
        long utmContentHits,
        long utmMediumHits,
        long utmSourceHits,
        long utmTermHits,
        List<GoalStats> goals,
        long totalConversions) {
    /** Copies {@code chartData} and {@code goals} into unmodifiable lists; {@code null} becomes empty. */
    public StatsComparison {
        chartData = Immutable.list(chartData);
        goals = Immutable.list(goals);
    }
}
