package io.tally.hitkeep.model;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What validation found in an import's files: the datasets, the covered dates, events and
 * properties, overlaps with native data, and warnings.
 *
 * @param dateStart first day covered, or {@code null}
 * @param dateEnd   last day covered, or {@code null}
 */
public record ImportManifest(String provider, String sourceHash, @Nullable Instant dateStart, @Nullable Instant dateEnd,
        List<String> files,
        List<String> ignoredFiles, List<String> missingFiles, List<ImportDatasetSummary> datasets,
        ImportEventCoverage eventCoverage, ImportEventPropertyCoverage eventPropertyCoverage,
        ImportEventDimensionCoverage eventDimensionCoverage, ImportOverlapSummary overlap,
        List<ImportWarning> warnings, long rowsScanned, long rowsAccepted, long rowsSkipped) {
    /** Copies each list into an unmodifiable one; {@code null} becomes empty. */
    public ImportManifest {
        files = Immutable.list(files);
        ignoredFiles = Immutable.list(ignoredFiles);
        missingFiles = Immutable.list(missingFiles);
        datasets = Immutable.list(datasets);
        warnings = Immutable.list(warnings);
    }
}
