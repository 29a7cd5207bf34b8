package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a goal or a funnel step matches: a page {@code path} or an {@code event} name.
 */
public final class MatchType {
    /** Matches pageviews of a path, e.g. {@code /pricing}. */
    public static final MatchType PATH = new MatchType("path");
    /** Matches custom events by name, e.g. {@code signup}. */
    public static final MatchType EVENT = new MatchType("event");

    private final String value;

    private MatchType(String value) {
        this.value = value;
    }

    /** The value for this string, known or not (lower-cased, trimmed). */
    @JsonCreator
    public static MatchType of(String value) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException("matchType must not be null or blank");
        }
        return new MatchType(value.trim().toLowerCase(Locale.ROOT));
    }

    /** The wire value. */
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MatchType && (((MatchType) o).value.equals(value));
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
