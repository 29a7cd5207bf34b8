package io.tally.testkit.hitkeep;

import java.util.Locale;

/**
 * A site role, as HitKeep delegates it to API clients and dashboard users (HitKeep reference §2.5).
 *
 * <table>
 *   <caption>Site permissions per role</caption>
 *   <tr><th>Role</th><th>site.view</th><th>site.manage_goals</th><th>site.manage_data</th>
 *       <th>site.manage_team</th><th>site.delete</th></tr>
 *   <tr><td>{@link #OWNER}</td><td>✓</td><td>✓</td><td>✓</td><td>✓</td><td>✓</td></tr>
 *   <tr><td>{@link #ADMIN}</td><td>✓</td><td>✓</td><td>✓</td><td>✓</td><td></td></tr>
 *   <tr><td>{@link #EDITOR}</td><td>✓</td><td>✓</td><td></td><td></td><td></td></tr>
 *   <tr><td>{@link #VIEWER}</td><td>✓</td><td></td><td></td><td></td><td></td></tr>
 * </table>
 *
 * <p>Server-side ingest needs {@code site.manage_data}, so only {@link #OWNER} and {@link #ADMIN} grants can
 * ingest; creating or deleting goals and funnels needs {@code site.manage_goals}.
 */
public enum Role {
    /** Every site permission, including deleting the site. */
    OWNER(SitePermission.VIEW, SitePermission.MANAGE_GOALS, SitePermission.MANAGE_DATA,
            SitePermission.MANAGE_TEAM, SitePermission.DELETE),
    /** Everything but deleting the site. */
    ADMIN(SitePermission.VIEW, SitePermission.MANAGE_GOALS, SitePermission.MANAGE_DATA,
            SitePermission.MANAGE_TEAM),
    /** Read analytics and manage goals and funnels. */
    EDITOR(SitePermission.VIEW, SitePermission.MANAGE_GOALS),
    /** Read analytics only. */
    VIEWER(SitePermission.VIEW);

    private final SitePermission[] permissions;

    Role(SitePermission... permissions) {
        this.permissions = permissions;
    }

    boolean allows(SitePermission permission) {
        for (SitePermission p : permissions) {
            if (p == permission) {
                return true;
            }
        }
        return false;
    }

    /** The role's name on the wire: {@code owner}, {@code admin}, {@code editor} or {@code viewer}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
