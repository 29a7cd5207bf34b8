package io.tally.hitkeep.model;

import java.util.List;

/**
 * How AI crawler fetches relate to the visits AI assistants refer: citation yield per path, failure
 * hotspots and opportunity pages.
 *
 * @param summary the totals
 * @param citationYield referred visits per fetch, by path and assistant
 * @param failureHotspots path prefixes where fetches fail
 * @param opportunityPages pages with room to gain referred visits
 */
public record AiFetchCorrelationReport(
        AiFetchCorrelationSummary summary,
        List<AiFetchCitationYieldRow> citationYield,
        List<AiFetchFailureHotspot> failureHotspots,
        List<AiFetchOpportunityRow> opportunityPages) {
    /** Copies each list into an unmodifiable one; {@code null} becomes empty. */
    public AiFetchCorrelationReport {
        citationYield = Immutable.list(citationYield);
        failureHotspots = Immutable.list(failureHotspots);
        opportunityPages = Immutable.list(opportunityPages);
    }
}
