package io.tally.hitkeep.model;

/**
 * The result of moving a site to another team.
 *
 * @param status the outcome, usually {@code ok}
 * @param siteId the site id
 * @param sourceTeamId the team the site left
 * @param destinationTeamId the team the site joined
 */
public record SiteTransfer(
        String status,
        String siteId,
        String sourceTeamId,
        String destinationTeamId) {}
