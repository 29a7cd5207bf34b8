package io.tally.hitkeep.model;

import io.tally.core.OpenValue;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A dimension of a Search Console breakdown. Open: {@code breakdowns} accepts {@link #COUNTRY} and
 * {@link #DEVICE} in HitKeep 2.8.1; queries and pages have their own routes.
 */
public final class SearchConsoleDimension extends OpenValue {
    /** By searcher country. */
    public static final SearchConsoleDimension COUNTRY = new SearchConsoleDimension("country");
    /** By device: desktop, mobile or tablet. */
    public static final SearchConsoleDimension DEVICE = new SearchConsoleDimension("device");

    private SearchConsoleDimension(String value) {
        super(value);
    }

    /** A dimension by name, e.g. {@code country}. */
    @JsonCreator
    public static SearchConsoleDimension of(String value) {
        return new SearchConsoleDimension(OpenValue.lowerCase(value, "Search Console dimension", "country or device"));
    }
}
