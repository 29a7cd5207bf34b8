package io.tally.hitkeep.model;

import java.time.Instant;

/**
 * One bucket of the traffic chart (hourly, daily or monthly, depending on the window's length).
 *
 * @param time the start of the bucket
 * @param pageviews pageviews in the bucket
 * @param visitors distinct sessions in the bucket
 */
public record ChartDataPoint(
        Instant time,
        long pageviews,
        long visitors) {}
