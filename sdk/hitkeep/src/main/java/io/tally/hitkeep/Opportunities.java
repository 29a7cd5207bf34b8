package io.tally.hitkeep;

import io.tally.hitkeep.model.DigestFrequency;
import io.tally.hitkeep.model.GeneratedOpportunities;
import io.tally.hitkeep.model.Opportunity;
import io.tally.hitkeep.model.OpportunityDigestPreview;
import io.tally.hitkeep.model.OpportunityStatus;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Opportunities: ranked recommendations HitKeep derives from a site's data (conversion, traffic, AI,
 * search, setup). Reading needs {@code site.view}; generating and changing a status need
 * {@code site.manage_data}. All routes accept an API token or a session.
 */
public final class Opportunities {
    /** The longest window {@code generate} accepts. */
    static final Duration MAX_GENERATE_WINDOW = Duration.ofDays(366);

    private final HitKeep client;

    Opportunities(HitKeep client) {
        this.client = client;
    }

    /** The site's saved opportunities, ranked ({@code GET /api/sites/{id}/opportunities}). */
    public HitKeepCall<List<Opportunity>> list(String siteId) {
        return new HitKeepCall<>(client, "GET", "/api/sites/{id}/opportunities", RouteAuth.TOKEN_OR_SESSION,
                new Object[] {siteId}, JsonReaders.listField("opportunities", Opportunity.class));
    }

    /**
     * What the opportunity digest e-mail would contain ({@code GET /api/sites/{id}/opportunities/digest-preview});
     * weekly unless {@link DigestPreviewRequest#frequency} says otherwise.
     */
    public DigestPreviewRequest digestPreview(String siteId) {
        return new DigestPreviewRequest(client, siteId);
    }

    /**
     * Runs the detectors over a window and saves what they find ({@code POST /api/sites/{id}/opportunities/generate}).
     * Without a window HitKeep uses the 30 days ending now; a window may span at most 366 days.
     */
    public RangeRequest<GeneratedOpportunities> generate(String siteId) {
        return new RangeRequest<>(client, "POST", "/api/sites/{id}/opportunities/generate", RouteAuth.TOKEN_OR_SESSION,
                new Object[] {siteId}, client.context().json(GeneratedOpportunities.class))
                .maxSpan(MAX_GENERATE_WINDOW);
    }

    /** Marks an opportunity saved, done or dismissed ({@code PATCH /api/sites/{id}/opportunities/{opportunityID}}). */
    public HitKeepCall<Opportunity> updateStatus(String siteId, String opportunityId, OpportunityStatus status) {
        Objects.requireNonNull(status, "status");
        return new HitKeepCall<>(client, "PATCH", "/api/sites/{id}/opportunities/{opportunityID}",
                RouteAuth.TOKEN_OR_SESSION,
                new Object[] {siteId, opportunityId}, client.context().json(Opportunity.class))
                .body(Collections.singletonMap("status", status.value()));
    }

    /** The digest preview request; optional {@code frequency}. */
    public static final class DigestPreviewRequest
            extends
                HitKeepRequest<OpportunityDigestPreview, DigestPreviewRequest> {
        DigestPreviewRequest(HitKeep client, String siteId) {
            super(client, "GET", "/api/sites/{id}/opportunities/digest-preview", RouteAuth.TOKEN_OR_SESSION,
                    new Object[] {siteId}, client.context().json(OpportunityDigestPreview.class));
        }

        /** Daily or weekly (HitKeep's default). */
        public DigestPreviewRequest frequency(DigestFrequency frequency) {
            return query("frequency", Objects.requireNonNull(frequency, "frequency").value());
        }
    }
}
