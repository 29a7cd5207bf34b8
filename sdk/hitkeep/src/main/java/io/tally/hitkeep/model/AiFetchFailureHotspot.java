package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A path prefix where an assistant's fetches often fail.
 *
 * @param pathPrefix the path prefix
 * @param assistantName the assistant
 * @param totalRequests fetches under the prefix
 * @param errorRequests failed fetches
 * @param errorRatePercent failed fetches, in percent
 */
public record AiFetchFailureHotspot(
        String pathPrefix,
        String assistantName,
        long totalRequests,
        long errorRequests,
        @JsonProperty("error_rate_pct") double errorRatePercent) {}
