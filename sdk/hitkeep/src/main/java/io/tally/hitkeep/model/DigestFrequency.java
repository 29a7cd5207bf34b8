package io.tally.hitkeep.model;

import io.tally.core.OpenValue;
import com.fasterxml.jackson.annotation.JsonCreator;

/** How often an opportunity digest e-mail is sent. Open: HitKeep may add frequencies. */
public final class DigestFrequency extends OpenValue {
    /** Every day. */
    public static final DigestFrequency DAILY = new DigestFrequency("daily");
    /** Every week (HitKeep's default). */
    public static final DigestFrequency WEEKLY = new DigestFrequency("weekly");

    private DigestFrequency(String value) {
        super(value);
    }

    /** A frequency by name, e.g. {@code weekly}. */
    @JsonCreator
    public static DigestFrequency of(String value) {
        return new DigestFrequency(OpenValue.lowerCase(value, "digest frequency", "daily or weekly"));
    }
}
