package io.tally.hitkeep;

import java.util.Objects;

/**
 * One analytics filter, sent as {@code filter=<type>:<value>}; several filters are AND-combined.
 * Matching is exact against HitKeep's normalised labels, the same strings that appear as
 * {@code name} in the {@code top_*} lists (e.g. {@code (Direct)}, {@code (Unknown)}).
 */
public final class Filter {
    /** The label HitKeep gives visits whose country it could not tell. */
    public static final String UNKNOWN_COUNTRY = "(Unknown)";

    private final FilterType type;
    private final String value;

    private Filter(FilterType type, String value) {
        this.type = Objects.requireNonNull(type, "type");
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("filter value for " + type + " must not be null or empty");
        }
        if (type.equals(FilterType.COUNTRY)) {
            checkCountry(value);
        }
        this.value = value;
    }

    /** HitKeep labels countries with their ISO 3166-1 alpha-2 code in upper case; anything else matches nothing. */
    private static void checkCountry(String value) {
        if (value.equals(UNKNOWN_COUNTRY)
                || (value.length() == 2 && isUpperAscii(value.charAt(0)) && isUpperAscii(value.charAt(1)))) {
            return;
        }
        String hint = value.length() == 2 && Character.isLetter(value.charAt(0)) && Character.isLetter(value.charAt(1))
                ? " (did you mean " + value.toUpperCase(java.util.Locale.ROOT) + "?)"
                : "";
        throw new IllegalArgumentException(
                "country must be an ISO 3166-1 alpha-2 code in upper case, e.g. DE or US, or "
                        + UNKNOWN_COUNTRY + ", got '" + value + "'" + hint
                        + "; HitKeep matches it exactly, so any other value matches no rows");
    }

    private static boolean isUpperAscii(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /**
     * A filter matching rows whose {@code type} label equals {@code value} exactly.
     *
     * @throws NullPointerException     when {@code type} is null
     * @throws IllegalArgumentException when {@code value} is null or empty
     */
    public static Filter of(FilterType type, String value) {
        return new Filter(type, value);
    }

    /** Parses {@code type:value}; the value is everything after the first colon. */
    public static Filter parse(String expression) {
        int colon = expression == null ? -1 : expression.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(
                    "filter must look like type:value (e.g. path:/pricing), got '" + expression + "'");
        }
        return new Filter(FilterType.of(expression.substring(0, colon)), expression.substring(colon + 1).trim());
    }

    /** Pages whose path equals {@code path}, e.g. {@code /pricing}. */
    public static Filter path(String path) {
        return of(FilterType.PATH, path);
    }

    /** Hits on {@code hostname}; hits without one are labelled {@code (Unknown Host)}. */
    public static Filter hostname(String hostname) {
        return of(FilterType.HOSTNAME, hostname);
    }

    /** Visits from the normalised referrer group {@code referrer}, e.g. {@code (Direct)}. */
    public static Filter referrer(String referrer) {
        return of(FilterType.REFERRER, referrer);
    }

    /**
     * Visits from {@code country}, given as its ISO 3166-1 alpha-2 code in upper case ({@code DE}, {@code US}),
     * the label {@code top_countries} uses; visits whose country is unknown are {@link #UNKNOWN_COUNTRY}.
     *
     * @throws IllegalArgumentException when {@code country} cannot be such a code (e.g. {@code Germany},
     *     {@code us}, {@code DEU}): HitKeep would silently match no rows
     */
    public static Filter country(String country) {
        return of(FilterType.COUNTRY, country);
    }

    /** Visits from the device class {@code device}, which HitKeep derives from the viewport width. */
    public static Filter device(String device) {
        return of(FilterType.DEVICE, device);
    }

    /** Visits from {@code browser}, which HitKeep derives from the user agent. */
    public static Filter browser(String browser) {
        return of(FilterType.BROWSER, browser);
    }

    /** Visits tagged {@code utm_source=source}; untagged ones are {@code (Unspecified)}. */
    public static Filter utmSource(String source) {
        return of(FilterType.UTM_SOURCE, source);
    }

    /** Visits tagged {@code utm_campaign=campaign}; untagged ones are {@code (Unspecified)}. */
    public static Filter utmCampaign(String campaign) {
        return of(FilterType.UTM_CAMPAIGN, campaign);
    }

    /** The dimension filtered on. */
    public FilterType type() {
        return type;
    }

    /** The label to match, never null or empty; may contain {@code :}. */
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
