package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A path that AI crawlers fetch but that could yield more referred visits (often because fetches fail).
 *
 * @param path the path
 * @param fetchCount fetches of the path
 * @param aiReferredVisits visits AI assistants referred to it
 * @param errorRequests failed fetches
 * @param errorRatePercent failed fetches, in percent
 */
public record AiFetchOpportunityRow(
        String path,
        long fetchCount,
        long aiReferredVisits,
        long errorRequests,
        @JsonProperty("error_rate_pct") double errorRatePercent) {}
