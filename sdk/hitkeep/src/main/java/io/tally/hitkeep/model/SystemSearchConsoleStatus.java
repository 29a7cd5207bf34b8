package io.tally.hitkeep.model;

import java.time.Instant;

/**
 * Google Search Console health across the instance.
 *
 * @param status            {@code healthy}, {@code idle}, {@code syncing}, {@code degraded}, {@code needs_attention} or {@code not_configured}
 * @param credentialsStatus {@code configured} or {@code missing}
 * @param workerStatus      {@code enabled} or {@code disabled}
 * @param syncStatus        {@code healthy}, {@code idle}, {@code pending}, {@code running}, {@code failed} or {@code needs_attention}
 */
public record SystemSearchConsoleStatus(String status, String credentialsStatus, String workerStatus, String syncStatus,
        int connectedTeams, int mappedSites, int pendingSyncs, int runningSyncs,
        int failedSyncs, int needsAttentionSyncs, Instant lastAttemptAt,
        Instant lastSuccessAt, Instant nextRetryAt) {}
