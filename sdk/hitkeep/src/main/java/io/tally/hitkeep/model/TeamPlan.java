package io.tally.hitkeep.model;

import org.jspecify.annotations.Nullable;

/**
 * A team's plan (HitKeep Cloud; self-hosted instances report a default plan).
 *
 * @param code the plan code
 * @param name the plan's name
 * @param supportUrl where to get support, or {@code null}
 * @param upgradeUrl where to upgrade, or {@code null}
 */
public record TeamPlan(
        String code,
        String name,
        @Nullable String supportUrl,
        @Nullable String upgradeUrl) {}
