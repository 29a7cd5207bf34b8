package io.tally.hitkeep.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One aggregate fact an opportunity cites. Texts are localisation keys with parameters, not prose.
 *
 * @param id           the evidence id, referenced by {@link Opportunity#citedEvidenceIds()}
 * @param labelKey     localisation key of the label
 * @param value        the value shown, already formatted
 * @param detailKey    localisation key of an explanation, or {@code null}
 * @param detailParams parameters of the explanation
 */
public record OpportunityEvidence(String id, String labelKey, String value, @Nullable String detailKey,
        Map<String, Object> detailParams) {
    /** Copies {@code detailParams} into an unmodifiable map; {@code null} becomes empty. */
    public OpportunityEvidence {
        detailParams = Immutable.map(detailParams);
    }
}
