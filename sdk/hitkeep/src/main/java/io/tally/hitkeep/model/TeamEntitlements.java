package io.tally.hitkeep.model;

/**
 * What a team's plan allows.
 *
 * @param maxSitesPerTeam sites the team may have
 * @param maxTeamMembers members the team may have
 * @param maxRetentionDays the longest data retention
 * @param allowCustomBranding whether custom branding is allowed
 * @param allowSso whether single sign-on is allowed
 */
public record TeamEntitlements(
        int maxSitesPerTeam,
        int maxTeamMembers,
        int maxRetentionDays,
        boolean allowCustomBranding,
        boolean allowSso) {}
