package io.tally.hitkeep.model;

import java.util.List;

/**
 * Ecommerce totals over a window, from the {@code purchase} and checkout events the tracker sends.
 *
 * @param revenue total revenue, in {@link #currency()}
 * @param currency the ISO 4217 currency code of the amounts
 * @param orders completed orders
 * @param averageOrderValue revenue per order, in {@link #currency()}
 * @param checkoutStarts checkouts started
 * @param checkoutConversionRate orders per checkout started, as HitKeep reports it
 * @param topCities cities of the buying sessions
 * @param topProviders network providers of the buying sessions
 * @param topAsns autonomous systems of the buying sessions
 */
public record EcommerceSummary(
        double revenue,
        String currency,
        long orders,
        double averageOrderValue,
        long checkoutStarts,
        double checkoutConversionRate,
        List<MetricStat> topCities,
        List<MetricStat> topProviders,
        List<MetricStat> topAsns) {
    /** Copies each list into an unmodifiable one; {@code null} becomes empty. */
    public EcommerceSummary {
        topCities = Immutable.list(topCities);
        topProviders = Immutable.list(topProviders);
        topAsns = Immutable.list(topAsns);
    }
}
