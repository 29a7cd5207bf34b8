package io.tally.hitkeep;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.tally.core.OpenValue;

/**
 * A dimension HitKeep can filter on (reference §3.3). Open: HitKeep may add types, so any string
 * is accepted; the constants are the ones 2.8.1 knows.
 */
public final class FilterType extends OpenValue {
    /** The page path, e.g. {@code /pricing}. */
    public static final FilterType PATH = new FilterType("path");
    /** The hostname of the page; {@code (Unknown Host)} when it had none. */
    public static final FilterType HOSTNAME = new FilterType("hostname");
    /** The normalised referrer group, e.g. {@code (Direct)}. */
    public static final FilterType REFERRER = new FilterType("referrer");
    /** The referrer's hostname. */
    public static final FilterType REFERRER_HOST = new FilterType("referrer_host");
    /** The device class, derived from the viewport width. */
    public static final FilterType DEVICE = new FilterType("device");
    /** The visitor's country; {@code (Unknown)} when not located. */
    public static final FilterType COUNTRY = new FilterType("country");
    /** The visitor's city; {@code (Unknown)} when not located. */
    public static final FilterType CITY = new FilterType("city");
    /** The visitor's network provider; {@code (Unknown)} when not known. */
    public static final FilterType PROVIDER = new FilterType("provider");
    /** The visitor's autonomous system number; {@code (Unknown)} when not known. */
    public static final FilterType ASN = new FilterType("asn");
    /** The browser, derived from the user agent. */
    public static final FilterType BROWSER = new FilterType("browser");
    /** The primary language subtag in lower case ({@code en-US} is {@code en}); {@code (Unspecified)} when absent. */
    public static final FilterType LANGUAGE = new FilterType("language");
    /** The {@code utm_campaign} tag; {@code (Unspecified)} when absent. */
    public static final FilterType UTM_CAMPAIGN = new FilterType("utm_campaign");
    /** The {@code utm_content} tag; {@code (Unspecified)} when absent. */
    public static final FilterType UTM_CONTENT = new FilterType("utm_content");
    /** The {@code utm_medium} tag; {@code (Unspecified)} when absent. */
    public static final FilterType UTM_MEDIUM = new FilterType("utm_medium");
    /** The {@code utm_source} tag; {@code (Unspecified)} when absent. */
    public static final FilterType UTM_SOURCE = new FilterType("utm_source");
    /** The {@code utm_term} tag; {@code (Unspecified)} when absent. */
    public static final FilterType UTM_TERM = new FilterType("utm_term");
    /** The QR code a visit came through, as a UUID; one that is not a UUID matches nothing. */
    public static final FilterType QR_CODE_ID = new FilterType("qr_code_id");

    private FilterType(String value) {
        super(value);
    }

    /** A filter type by name, lower-cased; known or not. */
    @JsonCreator
    public static FilterType of(String value) {
        String v = lowerCase(value, "filter type");
        if (v.indexOf(':') >= 0) {
            throw new IllegalArgumentException("filter type must not contain ':', got '" + value + "'");
        }
        return new FilterType(v);
    }
}
