package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a Web Vitals value rates against Google's thresholds: {@code good}, {@code needs_improvement} or
 * {@code poor}.
 */
public final class WebVitalRating {
    /** Within the good threshold. */
    public static final WebVitalRating GOOD = new WebVitalRating("good");
    /** Between the good and poor thresholds. */
    public static final WebVitalRating NEEDS_IMPROVEMENT = new WebVitalRating("needs_improvement");
    /** Beyond the poor threshold. */
    public static final WebVitalRating POOR = new WebVitalRating("poor");

    private final String value;

    private WebVitalRating(String value) {
        this.value = value;
    }

    /** The value for this string, known or not (lower-cased, trimmed). */
    @JsonCreator
    public static WebVitalRating of(String value) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException("webVitalRating must not be null or blank");
        }
        return new WebVitalRating(value.trim().toLowerCase(Locale.ROOT));
    }

    /** The wire value. */
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebVitalRating && (((WebVitalRating) o).value.equals(value));
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
