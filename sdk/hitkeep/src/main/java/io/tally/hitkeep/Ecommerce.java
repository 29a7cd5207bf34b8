package io.tally.hitkeep;

import io.tally.hitkeep.model.EcommerceProductStat;
import io.tally.hitkeep.model.EcommerceSeriesPoint;
import io.tally.hitkeep.model.EcommerceSourceStat;
import io.tally.hitkeep.model.EcommerceSummary;
import java.util.List;

/**
 * A site's ecommerce numbers from the purchase and checkout events the tracker sends: totals, products, traffic
 * sources and a series. Needs {@code site.view}; accepts an API token or a session.
 *
 * <pre>{@code
 * EcommerceSummary month = hitkeep.ecommerce().summary(siteId).range(DateRange.monthToDate()).execute();
 * System.out.println(month.revenue() + " " + month.currency());
 * }</pre>
 */
public final class Ecommerce {
    private final HitKeep client;

    Ecommerce(HitKeep client) {
        this.client = client;
    }

    /** Revenue, orders, average order value and checkout conversion ({@code GET /api/sites/{id}/ecommerce}). */
    public EcommerceRequest<EcommerceSummary> summary(String siteId) {
        return new EcommerceRequest<>(client, "/api/sites/{id}/ecommerce", siteId,
                client.context().json(EcommerceSummary.class));
    }

    /** Sales by product ({@code GET /api/sites/{id}/ecommerce/products}); 10 rows unless {@code limit} says otherwise. */
    public EcommerceRequest<List<EcommerceProductStat>> products(String siteId) {
        return new EcommerceRequest<>(client, "/api/sites/{id}/ecommerce/products", siteId,
                client.context().listOf(EcommerceProductStat.class));
    }

    /** Sales by traffic source ({@code GET /api/sites/{id}/ecommerce/sources}); 10 rows unless {@code limit} says otherwise. */
    public EcommerceRequest<List<EcommerceSourceStat>> sources(String siteId) {
        return new EcommerceRequest<>(client, "/api/sites/{id}/ecommerce/sources", siteId,
                client.context().listOf(EcommerceSourceStat.class));
    }

    /** Orders and revenue per time bucket ({@code GET /api/sites/{id}/ecommerce/timeseries}). */
    public EcommerceRequest<List<EcommerceSeriesPoint>> timeseries(String siteId) {
        return new EcommerceRequest<>(client, "/api/sites/{id}/ecommerce/timeseries", siteId,
                client.context().listOf(EcommerceSeriesPoint.class));
    }
}
