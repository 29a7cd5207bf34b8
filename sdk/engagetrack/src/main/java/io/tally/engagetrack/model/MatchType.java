package io.tally.engagetrack.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.tally.core.OpenValue;

/** How a funnel step's pattern matches. Open: {@link #of(String)} accepts values a newer EngageTrack adds. */
public final class MatchType extends OpenValue {
    /** The whole path or name. */
    public static final MatchType EXACT = new MatchType("exact");
    /** A substring (the default). */
    public static final MatchType CONTAINS = new MatchType("contains");
    /** A regular expression. */
    public static final MatchType REGEX = new MatchType("regex");

    private MatchType(String value) {
        super(value);
    }

    /**
     * The value with this wire form; trimmed and lower-cased.
     *
     * @throws IllegalArgumentException when it is blank
     */
    @JsonCreator
    public static MatchType of(String value) {
        return new MatchType(lowerCase(value, "match type", "exact, contains or regex"));
    }
}
