package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What raw hits are sorted by: {@code timestamp} (HitKeep's default), {@code path} or {@code referrer}.
 * HitKeep sorts by timestamp for any value it does not know.
 */
public final class HitSort {
    /** When the hit happened. */
    public static final HitSort TIMESTAMP = new HitSort("timestamp");
    /** The page path. */
    public static final HitSort PATH = new HitSort("path");
    /** The referrer URL. */
    public static final HitSort REFERRER = new HitSort("referrer");

    private final String value;

    private HitSort(String value) {
        this.value = value;
    }

    /** The value for this string, known or not (lower-cased, trimmed). */
    @JsonCreator
    public static HitSort of(String value) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException("hitSort must not be null or blank");
        }
        return new HitSort(value.trim().toLowerCase(Locale.ROOT));
    }

    /** The wire value. */
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HitSort && (((HitSort) o).value.equals(value));
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
