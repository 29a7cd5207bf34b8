package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A role on one site: {@code owner}, {@code admin}, {@code editor} or {@code viewer} (HitKeep reference
 * §2.5). Open, so roles a newer HitKeep adds read without error.
 */
public final class SiteRole {
    /** Every site permission, including deleting the site. */
    public static final SiteRole OWNER = new SiteRole("owner");
    /** Everything but deleting the site. */
    public static final SiteRole ADMIN = new SiteRole("admin");
    /** View analytics and manage goals and funnels. */
    public static final SiteRole EDITOR = new SiteRole("editor");
    /** View analytics only. */
    public static final SiteRole VIEWER = new SiteRole("viewer");

    private final String value;

    private SiteRole(String value) {
        this.value = value;
    }

    /** The value for this string, known or not (lower-cased, trimmed). */
    @JsonCreator
    public static SiteRole of(String value) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException("siteRole must not be null or blank");
        }
        return new SiteRole(value.trim().toLowerCase(Locale.ROOT));
    }

    /** The wire value. */
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SiteRole && (((SiteRole) o).value.equals(value));
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
