package io.tally.hitkeep.model;

/**
 * A HitKeep Cloud plan and what it allows.
 *
 * @param code         e.g. {@code free}, {@code pro}, {@code business}
 * @param name         the display name
 * @param entitlements the limits of a team on this plan
 */
public record CloudPlan(String code, String name, TeamEntitlements entitlements) {}
