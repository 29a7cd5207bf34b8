package io.tally.hitkeep.model;

import io.tally.core.OpenValue;
import com.fasterxml.jackson.annotation.JsonCreator;

/** Where an opportunity stands in the site team's workflow. Open: HitKeep may add states. */
public final class OpportunityStatus extends OpenValue {
    /** Not looked at yet. */
    public static final OpportunityStatus NEW = new OpportunityStatus("new");
    /** Kept for later. */
    public static final OpportunityStatus SAVED = new OpportunityStatus("saved");
    /** Acted on. */
    public static final OpportunityStatus DONE = new OpportunityStatus("done");
    /** Not relevant. */
    public static final OpportunityStatus DISMISSED = new OpportunityStatus("dismissed");

    private OpportunityStatus(String value) {
        super(value);
    }

    /** A status by name, e.g. {@code saved}. */
    @JsonCreator
    public static OpportunityStatus of(String value) {
        return new OpportunityStatus(OpenValue.lowerCase(value, "opportunity status", "new, saved, done or dismissed"));
    }
}
