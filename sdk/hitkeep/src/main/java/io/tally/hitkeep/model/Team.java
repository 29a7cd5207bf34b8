package io.tally.hitkeep.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A team (HitKeep's tenant): sites, members and API clients belong to one.
 *
 * @param id the team id (UUID)
 * @param name the team's name
 * @param logoUrl its logo URL, or {@code null}
 * @param role the signed-in user's role in it
 * @param plan its plan
 * @param entitlements what the plan allows
 * @param usage how much of it is used
 * @param createdAt when the team was created
 */
public record Team(
        String id,
        String name,
        @Nullable String logoUrl,
        TeamRole role,
        TeamPlan plan,
        TeamEntitlements entitlements,
        TeamUsageSummary usage,
        Instant createdAt) {}
