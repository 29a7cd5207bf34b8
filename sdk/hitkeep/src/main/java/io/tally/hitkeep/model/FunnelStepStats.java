package io.tally.hitkeep.model;

/**
 * How many visitors reached one step of a funnel.
 *
 * @param stepIndex the step's position, from 0
 * @param name the step's label
 * @param visitors sessions that reached the step
 * @param dropoff sessions that reached the previous step but not this one
 * @param conversionRate share of the previous step's sessions that reached this one, as HitKeep reports it
 */
public record FunnelStepStats(
        int stepIndex,
        String name,
        long visitors,
        long dropoff,
        double conversionRate) {}
