package io.tally.hitkeep.model;

import io.tally.core.OpenValue;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A dimension to break Web Vitals down by: {@code browser}, {@code country}, {@code language},
 * {@code device}, {@code city}, {@code provider} or {@code asn}.
 */
public final class WebVitalDimension extends OpenValue {
    /** Browser derived from the user agent. */
    public static final WebVitalDimension BROWSER = new WebVitalDimension("browser");
    /** Visitor country. */
    public static final WebVitalDimension COUNTRY = new WebVitalDimension("country");
    /** Primary language subtag. */
    public static final WebVitalDimension LANGUAGE = new WebVitalDimension("language");
    /** Device class from the viewport width. */
    public static final WebVitalDimension DEVICE = new WebVitalDimension("device");
    /** Visitor city. */
    public static final WebVitalDimension CITY = new WebVitalDimension("city");
    /** Network provider. */
    public static final WebVitalDimension PROVIDER = new WebVitalDimension("provider");
    /** Autonomous system. */
    public static final WebVitalDimension ASN = new WebVitalDimension("asn");

    private WebVitalDimension(String value) {
        super(value);
    }

    /** The value for this string, known or not (lower-cased, trimmed). */
    @JsonCreator
    public static WebVitalDimension of(String value) {
        return new WebVitalDimension(OpenValue.lowerCase(value, "webVitalDimension"));
    }
}
