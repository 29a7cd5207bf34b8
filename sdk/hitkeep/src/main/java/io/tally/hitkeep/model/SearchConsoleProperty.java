package io.tally.hitkeep.model;

/**
 * A Search Console property visible to a team's connected Google account.
 *
 * @param uri             e.g. {@code sc-domain:example.com} or {@code https://www.example.com/}
 * @param permissionLevel e.g. {@code siteOwner}, {@code siteFullUser}
 */
public record SearchConsoleProperty(String uri, String permissionLevel) {}
