package io.tally.hitkeep.model;

import java.util.List;

/** The custom events an import contains. */
public record ImportEventCoverage(long rowsScanned, long rowsAccepted, long events, long visitors,
        List<String> eventNames,
        List<String> propertyKeys) {
    /** Copies {@code eventNames} and {@code propertyKeys} into unmodifiable lists; {@code null} becomes empty. */
    public ImportEventCoverage {
        eventNames = Immutable.list(eventNames);
        propertyKeys = Immutable.list(propertyKeys);
    }
}
