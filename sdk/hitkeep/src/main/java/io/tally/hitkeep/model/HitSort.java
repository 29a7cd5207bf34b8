package io.tally.hitkeep.model;

import io.tally.core.OpenValue;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * What raw hits are sorted by: {@code timestamp} (HitKeep's default), {@code path} or {@code referrer}.
 * HitKeep sorts by timestamp for any value it does not know.
 */
public final class HitSort extends OpenValue {
    /** When the hit happened. */
    public static final HitSort TIMESTAMP = new HitSort("timestamp");
    /** The page path. */
    public static final HitSort PATH = new HitSort("path");
    /** The referrer URL. */
    public static final HitSort REFERRER = new HitSort("referrer");

    private HitSort(String value) {
        super(value);
    }

    /** The value for this string, known or not (lower-cased, trimmed). */
    @JsonCreator
    public static HitSort of(String value) {
        return new HitSort(OpenValue.lowerCase(value, "hitSort"));
    }
}
