package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A dimension of a Search Console breakdown. Open: {@code breakdowns} accepts {@link #COUNTRY} and
 * {@link #DEVICE} in HitKeep 2.8.1; queries and pages have their own routes.
 */
public final class SearchConsoleDimension {
    /** By searcher country. */
    public static final SearchConsoleDimension COUNTRY = new SearchConsoleDimension("country");
    /** By device: desktop, mobile or tablet. */
    public static final SearchConsoleDimension DEVICE = new SearchConsoleDimension("device");

    private final String value;

    private SearchConsoleDimension(String value) {
        this.value = value;
    }

    /** A dimension by name, e.g. {@code country}. */
    @JsonCreator
    public static SearchConsoleDimension of(String value) {
        return new SearchConsoleDimension(OpenValue.require(value, "Search Console dimension", "country or device"));
    }

    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchConsoleDimension && ((SearchConsoleDimension) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
