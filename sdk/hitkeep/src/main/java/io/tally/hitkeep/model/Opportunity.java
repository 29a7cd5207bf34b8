package io.tally.hitkeep.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A recommendation HitKeep derived from a site's analytics (conversion, traffic, AI, search or setup).
 * Texts are localisation keys with parameters ({@link #copyParams()}), so a client can render them in
 * any language; the evidence is aggregate data only. Share-link views return the same shape.
 *
 * @param kind           {@code conversion}, {@code traffic}, {@code ai}, {@code search} or {@code setup}
 * @param confidence     {@code high} or {@code medium}
 * @param score          the ranking score (sum of {@link #scoreBreakdown()})
 * @param status         {@code new}, {@code saved}, {@code done} or {@code dismissed}
 * @param impactValue    the estimated impact, formatted
 * @param routeParams    parameters of the dashboard page the opportunity links to
 * @param citedEvidenceIds ids of the {@link #evidence()} items the text relies on
 */
public record Opportunity(String id, String siteId, String kind, String typeKey, String titleKey, String summaryKey,
        String actionKey, String digestKey, Map<String, Object> copyParams, String impactValue,
        String impactLabelKey, String confidence, int score, OpportunityScoreBreakdown scoreBreakdown,
        String status, String routeLabelKey, Map<String, Object> routeParams, String routeIcon,
        String detectorVersion, List<OpportunityEvidence> evidence, List<String> citedEvidenceIds,
        Instant generatedAt, Instant createdAt, Instant updatedAt) {
    /** Copies each list and map into an unmodifiable one; {@code null} becomes empty. */
    public Opportunity {
        copyParams = Immutable.map(copyParams);
        routeParams = Immutable.map(routeParams);
        evidence = Immutable.list(evidence);
        citedEvidenceIds = Immutable.list(citedEvidenceIds);
    }

    /** The status as a typed value. */
    public @Nullable OpportunityStatus statusValue() {
        return status == null ? null : OpportunityStatus.of(status);
    }
}
