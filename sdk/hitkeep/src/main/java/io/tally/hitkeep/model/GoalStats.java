package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How often a goal converted in the window.
 *
 * @param goalId the goal id
 * @param name the goal's name
 * @param conversions how many conversions
 * @param conversionRatePercent conversions per unique session, in percent (0–100)
 */
public record GoalStats(
        String goalId,
        String name,
        long conversions,
        @JsonProperty("conversion_rate") double conversionRatePercent) {}
