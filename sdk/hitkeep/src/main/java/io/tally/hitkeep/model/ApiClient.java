package io.tally.hitkeep.model;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An API client: a named token with site grants, personal or owned by a team (HitKeep reference §2.3).
 * The token itself is shown only once, in {@link ApiClientCreated}.
 *
 * @param id the client id (UUID)
 * @param ownerType personal or team
 * @param userId the owning user, for personal clients; else {@code null}
 * @param tenantId the owning team, for team clients; else {@code null}
 * @param name the client's name
 * @param description its description, possibly empty
 * @param instanceRole the delegated instance role (always {@code user} for team clients)
 * @param siteRoles the site grants; without any the client reaches no site
 * @param expiresAt when the token expires, or {@code null} for never
 * @param lastUsedAt when the token was last used, or {@code null}
 * @param revokedAt when the client was revoked, or {@code null}
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record ApiClient(
        String id,
        ApiClientOwner ownerType,
        @Nullable String userId,
        @Nullable String tenantId,
        String name,
        String description,
        InstanceRole instanceRole,
        List<ApiClientSiteRole> siteRoles,
        @Nullable Instant expiresAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt,
        Instant createdAt,
        Instant updatedAt) {
    /** Copies {@code siteRoles} into an unmodifiable list; {@code null} becomes empty. */
    public ApiClient {
        siteRoles = Immutable.list(siteRoles);
    }

    /** Whether the client was revoked. */
    public boolean revoked() {
        return revokedAt != null;
    }
}
