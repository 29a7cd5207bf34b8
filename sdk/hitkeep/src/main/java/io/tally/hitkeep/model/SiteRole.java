package io.tally.hitkeep.model;

import io.tally.core.OpenValue;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A role on one site: {@code owner}, {@code admin}, {@code editor} or {@code viewer} (HitKeep reference
 * §2.5). Open, so roles a newer HitKeep adds read without error.
 */
public final class SiteRole extends OpenValue {
    /** Every site permission, including deleting the site. */
    public static final SiteRole OWNER = new SiteRole("owner");
    /** Everything but deleting the site. */
    public static final SiteRole ADMIN = new SiteRole("admin");
    /** View analytics and manage goals and funnels. */
    public static final SiteRole EDITOR = new SiteRole("editor");
    /** View analytics only. */
    public static final SiteRole VIEWER = new SiteRole("viewer");

    private SiteRole(String value) {
        super(value);
    }

    /** The value for this string, known or not (lower-cased, trimmed). */
    @JsonCreator
    public static SiteRole of(String value) {
        return new SiteRole(OpenValue.lowerCase(value, "siteRole"));
    }
}
