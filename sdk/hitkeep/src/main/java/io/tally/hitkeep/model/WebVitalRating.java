package io.tally.hitkeep.model;

import io.tally.core.OpenValue;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * How a Web Vitals value rates against Google's thresholds: {@code good}, {@code needs_improvement} or
 * {@code poor}.
 */
public final class WebVitalRating extends OpenValue {
    /** Within the good threshold. */
    public static final WebVitalRating GOOD = new WebVitalRating("good");
    /** Between the good and poor thresholds. */
    public static final WebVitalRating NEEDS_IMPROVEMENT = new WebVitalRating("needs_improvement");
    /** Beyond the poor threshold. */
    public static final WebVitalRating POOR = new WebVitalRating("poor");

    private WebVitalRating(String value) {
        super(value);
    }

    /** The value for this string, known or not (lower-cased, trimmed). */
    @JsonCreator
    public static WebVitalRating of(String value) {
        return new WebVitalRating(OpenValue.lowerCase(value, "webVitalRating"));
    }
}
