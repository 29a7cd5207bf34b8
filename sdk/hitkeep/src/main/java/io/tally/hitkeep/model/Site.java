package io.tally.hitkeep.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A site HitKeep tracks.
 *
 * @param id the site id (UUID)
 * @param userId the id of the user who created it
 * @param domain the domain, lower-cased and without {@code www.} (subdomains are tracked too)
 * @param ownerEmail the owner's e-mail address when HitKeep knows it, else {@code null}
 * @param dataRetentionDays how many days raw data is kept
 * @param createdAt when the site was created
 */
public record Site(
        String id,
        String userId,
        String domain,
        @Nullable String ownerEmail,
        int dataRetentionDays,
        Instant createdAt) {}
