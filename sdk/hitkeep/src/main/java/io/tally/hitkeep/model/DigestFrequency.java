package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How often an opportunity digest e-mail is sent. Open: HitKeep may add frequencies. */
public final class DigestFrequency {
    /** Every day. */
    public static final DigestFrequency DAILY = new DigestFrequency("daily");
    /** Every week (HitKeep's default). */
    public static final DigestFrequency WEEKLY = new DigestFrequency("weekly");

    private final String value;

    private DigestFrequency(String value) {
        this.value = value;
    }

    /** A frequency by name, e.g. {@code weekly}. */
    @JsonCreator
    public static DigestFrequency of(String value) {
        return new DigestFrequency(OpenValue.require(value, "digest frequency", "daily or weekly"));
    }

    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DigestFrequency && ((DigestFrequency) o).value.equals(value);
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
