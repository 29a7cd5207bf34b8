package io.tally.hitkeep.model;

/**
 * Search Console totals for a window.
 *
 * @param dataSource      where the numbers come from (imported Google data)
 * @param ctr             click-through rate as a fraction (0.042 = 4.2 %)
 * @param averagePosition average ranking position (1 = top)
 */
public record SearchConsoleOverview(String dataSource, long clicks, long impressions, double ctr,
        double averagePosition) {}
