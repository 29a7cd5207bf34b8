package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * For one path and assistant: how many fetches turned into visits referred by that assistant.
 *
 * @param path the path
 * @param assistantName the assistant
 * @param fetchCount fetches of the path by the assistant
 * @param aiReferredVisits visits the assistant referred to the path
 * @param citationYieldPercent referred visits per fetch, in percent
 */
public record AiFetchCitationYieldRow(
        String path,
        String assistantName,
        long fetchCount,
        long aiReferredVisits,
        @JsonProperty("citation_yield_pct") double citationYieldPercent) {}
