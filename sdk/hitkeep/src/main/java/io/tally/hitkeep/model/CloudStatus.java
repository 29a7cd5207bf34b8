package io.tally.hitkeep.model;

import org.jspecify.annotations.Nullable;

/**
 * Whether the instance is HitKeep Cloud, and its hosting facts; empty on self-hosted instances.
 *
 * @param hosted whether this is the hosted HitKeep Cloud
 * @param region the hosting region, or {@code null}
 * @param jurisdiction the legal jurisdiction, or {@code null}
 * @param signupEnabled whether new accounts can sign up
 * @param supportUrl where to get support, or {@code null}
 * @param upgradeUrl where to upgrade the plan, or {@code null}
 */
public record CloudStatus(
        boolean hosted,
        @Nullable String region,
        @Nullable String jurisdiction,
        boolean signupEnabled,
        @Nullable String supportUrl,
        @Nullable String upgradeUrl) {}
