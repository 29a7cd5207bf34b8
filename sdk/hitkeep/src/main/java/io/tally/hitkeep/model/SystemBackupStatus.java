package io.tally.hitkeep.model;

import java.time.Instant;

/**
 * Automatic backups: configuration and recent results.
 *
 * @param intervalMin minutes between backups
 * @param retention   backups kept
 */
public record SystemBackupStatus(boolean enabled, String configPath, int intervalMin, int retention, Instant lastBackup,
        Instant nextBackup, Instant lastFailedAt, String lastError, int recentFailures) {}
