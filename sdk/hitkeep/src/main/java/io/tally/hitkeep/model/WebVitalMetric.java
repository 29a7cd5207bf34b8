package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A Core Web Vitals metric: {@code LCP}, {@code INP}, {@code CLS}, {@code FCP} or {@code TTFB}. Open and
 * upper-cased.
 */
public final class WebVitalMetric {
    /** Largest Contentful Paint, in milliseconds. */
    public static final WebVitalMetric LCP = new WebVitalMetric("LCP");
    /** Interaction to Next Paint, in milliseconds. */
    public static final WebVitalMetric INP = new WebVitalMetric("INP");
    /** Cumulative Layout Shift, unitless. */
    public static final WebVitalMetric CLS = new WebVitalMetric("CLS");
    /** First Contentful Paint, in milliseconds. */
    public static final WebVitalMetric FCP = new WebVitalMetric("FCP");
    /** Time to First Byte, in milliseconds. */
    public static final WebVitalMetric TTFB = new WebVitalMetric("TTFB");

    private final String value;

    private WebVitalMetric(String value) {
        this.value = value;
    }

    /** The value for this string, known or not (upper-cased, trimmed). */
    @JsonCreator
    public static WebVitalMetric of(String value) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException("webVitalMetric must not be null or blank");
        }
        return new WebVitalMetric(value.trim().toUpperCase(Locale.ROOT));
    }

    /** The wire value. */
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebVitalMetric && (((WebVitalMetric) o).value.equals(value));
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
