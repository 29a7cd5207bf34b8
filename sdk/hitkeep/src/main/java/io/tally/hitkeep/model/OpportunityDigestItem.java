package io.tally.hitkeep.model;

import java.util.List;
import java.util.Map;

/**
 * One opportunity as the digest e-mail would show it.
 *
 * @param category the digest section it falls in
 * @param status   {@code new} or {@code saved}
 */
public record OpportunityDigestItem(String id, String siteId, String kind, String category, String typeKey,
        String titleKey,
        String actionKey, String digestKey, Map<String, Object> copyParams, String impactValue,
        String impactLabelKey, String confidence, int score,
        OpportunityScoreBreakdown scoreBreakdown, String status, String routeLabelKey,
        Map<String, Object> routeParams, String routeIcon, List<OpportunityEvidence> evidence,
        List<String> citedEvidenceIds) {
    /** Copies each list and map into an unmodifiable one; {@code null} becomes empty. */
    public OpportunityDigestItem {
        copyParams = Immutable.map(copyParams);
        routeParams = Immutable.map(routeParams);
        evidence = Immutable.list(evidence);
        citedEvidenceIds = Immutable.list(citedEvidenceIds);
    }
}
