package io.tally.hitkeep.model;

/**
 * Which e-mail reports the user receives for one site.
 *
 * @param siteId the site id
 * @param domain the site's domain
 * @param daily a daily report
 * @param weekly a weekly report
 * @param monthly a monthly report
 */
public record SiteReportSubscription(
        String siteId,
        String domain,
        boolean daily,
        boolean weekly,
        boolean monthly) {}
