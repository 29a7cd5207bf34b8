package io.tally.hitkeep.model;

import java.util.List;

/** What a cleanup run removed. */
public record ImportStageCleanupRunResult(int importsCleaned, int filesCleaned, long bytesCleaned,
        int importsMarkedFailed,
        List<String> errors) {
    /** Copies {@code errors} into an unmodifiable list; {@code null} becomes empty. */
    public ImportStageCleanupRunResult {
        errors = Immutable.list(errors);
    }
}
