package io.tally.hitkeep.model;

import java.time.Instant;

/** Staged import files waiting to be cleaned up, the retention policy, and the last cleanup run. */
public record SystemImportStageCleanupStatus(boolean enabled, int retentionDays, int staleImports, int staleFiles,
        long staleBytes, Instant lastRun, Instant lastFailedAt, String lastError,
        int recentFailures, int lastCleanedImports, int lastCleanedFiles,
        long lastCleanedBytes, int lastMarkedFailed) {}
