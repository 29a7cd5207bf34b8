package io.tally.hitkeep.model;

import java.time.Instant;

/**
 * One bucket of the ecommerce time series.
 *
 * @param time the start of the bucket
 * @param orders orders in the bucket
 * @param revenue revenue in the bucket
 */
public record EcommerceSeriesPoint(
        Instant time,
        long orders,
        double revenue) {}
