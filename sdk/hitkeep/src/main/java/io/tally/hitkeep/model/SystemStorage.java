package io.tally.hitkeep.model;

import java.util.List;

/**
 * Data paths and database sizes.
 *
 * @param diskTotalBytes     0 when HitKeep cannot tell
 * @param diskAvailableBytes 0 when HitKeep cannot tell
 */
public record SystemStorage(String dataPath, String sharedDbPath, long sharedDbBytes, int tenantDbCount,
        List<TenantDbInfo> tenantDbs, String backupPath, String spamCachePath, long diskTotalBytes,
        long diskAvailableBytes) {
    /** Copies {@code tenantDbs} into an unmodifiable list; {@code null} becomes empty. */
    public SystemStorage {
        tenantDbs = Immutable.list(tenantDbs);
    }
}
