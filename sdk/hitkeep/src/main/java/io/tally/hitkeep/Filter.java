package io.tally.hitkeep;

import java.util.Objects;

/**
 * One analytics filter, sent as {@code filter=<type>:<value>}; several filters are AND-combined.
 * Matching is exact against HitKeep's normalised labels, the same strings that appear as
 * {@code name} in the {@code top_*} lists (e.g. {@code (Direct)}, {@code (Unknown)}).
 */
public final class Filter {
    private final FilterType type;
    private final String value;

    private Filter(FilterType type, String value) {
        this.type = Objects.requireNonNull(type, "type");
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("filter value for " + type + " must not be null or empty");
        }
        this.value = value;
    }

    public static Filter of(FilterType type, String value) {
        return new Filter(type, value);
    }

    /** Parses {@code type:value}; the value is everything after the first colon. */
    public static Filter parse(String expression) {
        int colon = expression == null ? -1 : expression.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("filter must look like type:value (e.g. path:/pricing), got '" + expression + "'");
        }
        return new Filter(FilterType.of(expression.substring(0, colon)), expression.substring(colon + 1).trim());
    }

    public static Filter path(String path) {
        return of(FilterType.PATH, path);
    }

    public static Filter hostname(String hostname) {
        return of(FilterType.HOSTNAME, hostname);
    }

    public static Filter referrer(String referrer) {
        return of(FilterType.REFERRER, referrer);
    }

    public static Filter country(String country) {
        return of(FilterType.COUNTRY, country);
    }

    public static Filter device(String device) {
        return of(FilterType.DEVICE, device);
    }

    public static Filter browser(String browser) {
        return of(FilterType.BROWSER, browser);
    }

    public static Filter utmSource(String source) {
        return of(FilterType.UTM_SOURCE, source);
    }

    public static Filter utmCampaign(String campaign) {
        return of(FilterType.UTM_CAMPAIGN, campaign);
    }

    public FilterType type() {
        return type;
    }

    public String value() {
        return value;
    }

    /** The query form, {@code type:value}. */
    @Override
    public String toString() {
        return type.value() + ":" + value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Filter && ((Filter) o).type.equals(type) && ((Filter) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + value.hashCode();
    }
}
