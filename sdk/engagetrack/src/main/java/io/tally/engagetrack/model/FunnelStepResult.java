package io.tally.engagetrack.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One step of a funnel analysis. EngageTrack's two pages define {@code conversion_rate} differently
 * ("retained from the previous step" versus "of step-1 visitors"): verify against your data before relying on
 * it. The item shape of {@code top_sources} and {@code top_countries} is not published, so they are JSON.
 *
 * @param stepId the step id
 * @param name the step name
 * @param order the step's 1-based position
 * @param visitors visitors reaching the step
 * @param dropoffRate percentage lost since the previous step
 * @param conversionRate conversion percentage (see above)
 * @param revenue revenue attributed to visitors at the step
 * @param topSources top 3 traffic sources at the step
 * @param topCountries top 3 countries at the step
 */
public record FunnelStepResult(String stepId, String name, int order, long visitors, double dropoffRate,
        double conversionRate, double revenue, List<JsonNode> topSources,
        List<JsonNode> topCountries) {
    /** Makes the lists unmodifiable; {@code null} is empty. */
    public FunnelStepResult {
        topSources = topSources == null ? List.of() : List.copyOf(topSources);
        topCountries = topCountries == null ? List.of() : List.copyOf(topCountries);
    }
}
