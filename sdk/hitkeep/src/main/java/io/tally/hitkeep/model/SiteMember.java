package io.tally.hitkeep.model;

import java.time.Instant;

/**
 * A user with a role on a site.
 *
 * @param id the membership id
 * @param userId the user id
 * @param email the user's e-mail address
 * @param role the role on the site
 * @param addedAt when the user was added
 */
public record SiteMember(
        String id,
        String userId,
        String email,
        SiteRole role,
        Instant addedAt) {}
