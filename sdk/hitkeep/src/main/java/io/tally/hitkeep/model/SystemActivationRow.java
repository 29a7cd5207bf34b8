package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * How far one team's site has come: tracking state, recent volume, owner and plan (aggregates only).
 *
 * @param status {@code waiting}, {@code live}, {@code dormant} or {@code domain_mismatch}
 */
public record SystemActivationRow(String teamId, String teamName, String ownerEmail, String planCode, String planName,
        String cloudRegion, int sitesCount, int activeSites, String siteId, String siteDomain,
        String status, String trackerSource, String trackerVersion, Instant firstHitAt,
        Instant lastHitAt, @JsonProperty("hits_last_24h") long hitsLast24h,
        @JsonProperty("hits_last_7d") long hitsLast7d,
        @JsonProperty("events_last_7d") long eventsLast7d,
        Instant lastEventAt, String lastEventName) {}
