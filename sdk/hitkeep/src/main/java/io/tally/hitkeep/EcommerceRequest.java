package io.tally.hitkeep;

import io.tally.core.spi.ResponseReader;

/**
 * An ecommerce read over a window, optionally narrowed to one product and filtered by the sessions'
 * attributes. {@link #limit(int)} applies to the product and source lists (HitKeep's default 10 rows) and is
 * ignored by the summary and the series. Serves both {@link Ecommerce} and the same four routes of a
 * {@link SharedDashboard}; those are missing from HitKeep's OpenAPI document, and the reference infers that they
 * take the same inputs.
 *
 * @param <T> what the request returns
 */
public final class EcommerceRequest<T> extends AnalyticsRequest<T, EcommerceRequest<T>> {
    EcommerceRequest(HitKeep client, String pathTemplate, String siteId, ResponseReader<T> reader) {
        this(client, pathTemplate, RouteAuth.TOKEN_OR_SESSION, new Object[] {Inputs.id("siteId", siteId)}, reader);
    }

    EcommerceRequest(HitKeep client, String pathTemplate, RouteAuth auth, Object[] pathValues,
            ResponseReader<T> reader) {
        super(client, "GET", pathTemplate, auth, pathValues, reader);
    }

    /** Only orders containing this product id ({@code item_id}). */
    public EcommerceRequest<T> itemId(String itemId) {
        return query("item_id", itemId);
    }

    /** Only orders containing this product name ({@code item_name}). */
    public EcommerceRequest<T> itemName(String itemName) {
        return query("item_name", itemName);
    }

    /** At most this many products or sources (HitKeep's default is 10); the summary and series ignore it. */
    @Override
    public EcommerceRequest<T> limit(int limit) {
        return super.limit(limit);
    }
}
