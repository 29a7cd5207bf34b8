package io.tally.hitkeep.model;

import java.util.List;

/** What a cleanup run removed. */
public record ImportStageCleanupRunResult(int importsCleaned, int filesCleaned, long bytesCleaned, int importsMarkedFailed,
                                          List<String> errors) {
    public ImportStageCleanupRunResult {
        errors = Immutable.list(errors);
    }
}
