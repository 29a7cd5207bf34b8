package io.tally.hitkeep.model;

import java.util.List;

/** One dataset found in an import (e.g. visitors, pages, sources) and how many of its rows were accepted. */
public record ImportDatasetSummary(String key, String name, List<String> files, long rowsScanned, long rowsAccepted,
        long rowsSkipped, long visitors, long visits, long pageviews, long events) {
    /** Copies {@code files} into an unmodifiable list; {@code null} becomes empty. */
    public ImportDatasetSummary {
        files = Immutable.list(files);
    }
}
