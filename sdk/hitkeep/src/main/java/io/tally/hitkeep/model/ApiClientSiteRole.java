package io.tally.hitkeep.model;

/**
 * A site grant of an API client: the role the client holds on one site. API clients can reach only sites
 * they hold a grant for.
 *
 * @param siteId the site id
 * @param role the role delegated on that site
 */
public record ApiClientSiteRole(
        String siteId,
        SiteRole role) {

    /** A grant of {@code role} on {@code siteId}. */
    public static ApiClientSiteRole of(String siteId, SiteRole role) {
        if (siteId == null || siteId.trim().isEmpty()) {
            throw new IllegalArgumentException("siteId of a site role must not be null or blank");
        }
        if (role == null) {
            throw new IllegalArgumentException("role of a site role must not be null (owner, admin, editor or viewer)");
        }
        return new ApiClientSiteRole(siteId, role);
    }
}
