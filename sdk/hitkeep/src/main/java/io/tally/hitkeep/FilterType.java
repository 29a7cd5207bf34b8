package io.tally.hitkeep;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A dimension HitKeep can filter on (reference §3.3). Open: HitKeep may add types, so any string
 * is accepted; the constants are the ones 2.8.1 knows.
 */
public final class FilterType {
    public static final FilterType PATH = new FilterType("path");
    public static final FilterType HOSTNAME = new FilterType("hostname");
    public static final FilterType REFERRER = new FilterType("referrer");
    public static final FilterType REFERRER_HOST = new FilterType("referrer_host");
    public static final FilterType DEVICE = new FilterType("device");
    public static final FilterType COUNTRY = new FilterType("country");
    public static final FilterType CITY = new FilterType("city");
    public static final FilterType PROVIDER = new FilterType("provider");
    public static final FilterType ASN = new FilterType("asn");
    public static final FilterType BROWSER = new FilterType("browser");
    public static final FilterType LANGUAGE = new FilterType("language");
    public static final FilterType UTM_CAMPAIGN = new FilterType("utm_campaign");
    public static final FilterType UTM_CONTENT = new FilterType("utm_content");
    public static final FilterType UTM_MEDIUM = new FilterType("utm_medium");
    public static final FilterType UTM_SOURCE = new FilterType("utm_source");
    public static final FilterType UTM_TERM = new FilterType("utm_term");
    public static final FilterType QR_CODE_ID = new FilterType("qr_code_id");

    private final String value;

    private FilterType(String value) {
        this.value = value;
    }

    /** A filter type by name, lower-cased; known or not. */
    @JsonCreator
    public static FilterType of(String value) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException("filter type must not be null or blank");
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.indexOf(':') >= 0) {
            throw new IllegalArgumentException("filter type must not contain ':', got '" + value + "'");
        }
        return new FilterType(v);
    }

    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FilterType && ((FilterType) o).value.equals(value);
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
