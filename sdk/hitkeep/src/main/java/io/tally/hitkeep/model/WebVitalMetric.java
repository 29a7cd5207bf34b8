package io.tally.hitkeep.model;

import io.tally.core.OpenValue;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A Core Web Vitals metric: {@code LCP}, {@code INP}, {@code CLS}, {@code FCP} or {@code TTFB}. Open and
 * upper-cased.
 */
public final class WebVitalMetric extends OpenValue {
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

    private WebVitalMetric(String value) {
        super(value);
    }

    /** The value for this string, known or not (upper-cased, trimmed). */
    @JsonCreator
    public static WebVitalMetric of(String value) {
        return new WebVitalMetric(OpenValue.upperCase(value, "webVitalMetric"));
    }
}
