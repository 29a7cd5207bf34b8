package io.tally.hitkeep.model;

import io.tally.core.OpenValue;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A role on the whole HitKeep instance: {@code owner}, {@code admin} or {@code user}. Open, so roles a newer
 * HitKeep adds read without error.
 */
public final class InstanceRole extends OpenValue {
    /** Manages users, settings and every site. */
    public static final InstanceRole OWNER = new InstanceRole("owner");
    /** Sees every site and the system pages; runs maintenance. */
    public static final InstanceRole ADMIN = new InstanceRole("admin");
    /** No instance permissions. */
    public static final InstanceRole USER = new InstanceRole("user");

    private InstanceRole(String value) {
        super(value);
    }

    /** The value for this string, known or not (lower-cased, trimmed). */
    @JsonCreator
    public static InstanceRole of(String value) {
        return new InstanceRole(OpenValue.lowerCase(value, "instanceRole"));
    }
}
