package io.tally.hitkeep.model;

import java.util.List;

/**
 * The result of running the opportunity detectors.
 *
 * @param aiStatus      the state of the optional AI copy step (its values are not documented by HitKeep)
 * @param opportunities the saved opportunities, ranked
 */
public record GeneratedOpportunities(String aiStatus, List<Opportunity> opportunities) {
    /** Copies {@code opportunities} into an unmodifiable list; {@code null} becomes empty. */
    public GeneratedOpportunities {
        opportunities = Immutable.list(opportunities);
    }
}
