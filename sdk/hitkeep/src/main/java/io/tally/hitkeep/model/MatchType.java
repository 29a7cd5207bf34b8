package io.tally.hitkeep.model;

import io.tally.core.OpenValue;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * What a goal or a funnel step matches: a page {@code path} or an {@code event} name.
 */
public final class MatchType extends OpenValue {
    /** Matches pageviews of a path, e.g. {@code /pricing}. */
    public static final MatchType PATH = new MatchType("path");
    /** Matches custom events by name, e.g. {@code signup}. */
    public static final MatchType EVENT = new MatchType("event");

    private MatchType(String value) {
        super(value);
    }

    /** The value for this string, known or not (lower-cased, trimmed). */
    @JsonCreator
    public static MatchType of(String value) {
        return new MatchType(OpenValue.lowerCase(value, "matchType"));
    }
}
