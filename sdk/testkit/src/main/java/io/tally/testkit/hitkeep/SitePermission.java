package io.tally.testkit.hitkeep;

/** The site permissions HitKeep checks against the {@code {id}} site of a route (reference §2.5). */
enum SitePermission {
    VIEW("site.view"), MANAGE_GOALS("site.manage_goals"), MANAGE_DATA("site.manage_data"), MANAGE_TEAM(
            "site.manage_team"), DELETE("site.delete");

    final String wireName;

    SitePermission(String wireName) {
        this.wireName = wireName;
    }
}
