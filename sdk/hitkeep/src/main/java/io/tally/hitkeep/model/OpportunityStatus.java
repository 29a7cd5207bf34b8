package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where an opportunity stands in the site team's workflow. Open: HitKeep may add states. */
public final class OpportunityStatus {
    /** Not looked at yet. */
    public static final OpportunityStatus NEW = new OpportunityStatus("new");
    /** Kept for later. */
    public static final OpportunityStatus SAVED = new OpportunityStatus("saved");
    /** Acted on. */
    public static final OpportunityStatus DONE = new OpportunityStatus("done");
    /** Not relevant. */
    public static final OpportunityStatus DISMISSED = new OpportunityStatus("dismissed");

    private final String value;

    private OpportunityStatus(String value) {
        this.value = value;
    }

    /** A status by name, e.g. {@code saved}. */
    @JsonCreator
    public static OpportunityStatus of(String value) {
        return new OpportunityStatus(OpenValue.require(value, "opportunity status", "new, saved, done or dismissed"));
    }

    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpportunityStatus && ((OpportunityStatus) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
