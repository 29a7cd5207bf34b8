package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * How AI crawlers fetched a site over a window: totals, error rates and the top assistants, families,
 * paths and resource types.
 *
 * @param totalRequests fetches in the window
 * @param totalBytes bytes served to AI crawlers
 * @param uniqueAssistants distinct assistants
 * @param uniquePaths distinct paths fetched
 * @param medianResponseMs median response time in milliseconds
 * @param errorRate4xx share of fetches answered 4xx, as HitKeep reports it
 * @param errorRate5xx share of fetches answered 5xx, as HitKeep reports it
 * @param topAssistants assistants by fetches
 * @param topFamilies assistant families by fetches
 * @param topPaths paths by fetches
 * @param topErrorPaths paths by failed fetches
 * @param resourceTypeSplit fetches by resource type
 */
public record AiFetchOverview(
        long totalRequests,
        long totalBytes,
        long uniqueAssistants,
        long uniquePaths,
        long medianResponseMs,
        @JsonProperty("error_rate_4xx") double errorRate4xx,
        @JsonProperty("error_rate_5xx") double errorRate5xx,
        List<MetricStat> topAssistants,
        List<MetricStat> topFamilies,
        List<MetricStat> topPaths,
        List<MetricStat> topErrorPaths,
        List<MetricStat> resourceTypeSplit) {
    /** Copies each list into an unmodifiable one; {@code null} becomes empty. */
    public AiFetchOverview {
        topAssistants = Immutable.list(topAssistants);
        topFamilies = Immutable.list(topFamilies);
        topPaths = Immutable.list(topPaths);
        topErrorPaths = Immutable.list(topErrorPaths);
        resourceTypeSplit = Immutable.list(resourceTypeSplit);
    }
}
