package io.tally.hitkeep.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Whether a site receives data, and what was last seen.
 *
 * @param siteId the site id
 * @param tenantId the team the site belongs to
 * @param status waiting, live, dormant or domain mismatch
 * @param configuredDomain the site's domain
 * @param firstHitAt the first hit ever, or {@code null}
 * @param lastHitAt the latest hit, or {@code null}
 * @param lastHostname the host of the latest hit, or {@code null}
 * @param lastEventAt the latest custom event, or {@code null}
 * @param lastEventName its name, or {@code null}
 * @param lastAutomaticEventAt the latest automatic event (outbound link, download…), or {@code null}
 * @param lastAutomaticEventName its name, or {@code null}
 * @param trackerSource which tracker sent the latest data, e.g. {@code hk.js}, or {@code null}
 * @param trackerVersion that tracker's version, or {@code null}
 * @param updatedAt when this status was computed, or {@code null}
 */
public record SiteTrackingStatus(
        String siteId,
        String tenantId,
        TrackingState status,
        String configuredDomain,
        @Nullable Instant firstHitAt,
        @Nullable Instant lastHitAt,
        @Nullable String lastHostname,
        @Nullable Instant lastEventAt,
        @Nullable String lastEventName,
        @Nullable Instant lastAutomaticEventAt,
        @Nullable String lastAutomaticEventName,
        @Nullable String trackerSource,
        @Nullable String trackerVersion,
        @Nullable Instant updatedAt) {}
