package io.tally.hitkeep.model;

import java.time.LocalDate;

/**
 * Search Console numbers of one day.
 *
 * @param ctr             click-through rate as a fraction
 * @param averagePosition average ranking position
 */
public record SearchConsoleMetricPoint(LocalDate date, long clicks, long impressions, double ctr,
        double averagePosition) {}
