package io.tally.hitkeep.model;

import java.util.List;

/** The custom events an import contains. */
public record ImportEventCoverage(long rowsScanned, long rowsAccepted, long events, long visitors, List<String> eventNames,
                                  List<String> propertyKeys) {
    public ImportEventCoverage {
        eventNames = Immutable.list(eventNames);
        propertyKeys = Immutable.list(propertyKeys);
    }
}
