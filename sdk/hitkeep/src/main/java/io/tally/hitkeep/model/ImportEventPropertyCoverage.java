package io.tally.hitkeep.model;

import java.util.List;

/**
 * How many imported event properties could be attributed to events, and what happens to the rest.
 *
 * @param unattributedRelationship       how unattributed properties are kept, when they are
 * @param unavailableRelationshipMessage why some properties cannot be related to events, when so
 */
public record ImportEventPropertyCoverage(long attributedRows, long attributedEvents, long attributedVisitors,
        List<String> attributedPropertyKeys, long unattributedRows, long unattributedEvents,
        long unattributedVisitors, List<String> unattributedPropertyKeys,
        String unattributedRelationship, String unavailableRelationshipMessage) {
    /**
     * Copies {@code attributedPropertyKeys} and {@code unattributedPropertyKeys} into unmodifiable lists;
     * {@code null} becomes empty.
     */
    public ImportEventPropertyCoverage {
        attributedPropertyKeys = Immutable.list(attributedPropertyKeys);
        unattributedPropertyKeys = Immutable.list(unattributedPropertyKeys);
    }
}
