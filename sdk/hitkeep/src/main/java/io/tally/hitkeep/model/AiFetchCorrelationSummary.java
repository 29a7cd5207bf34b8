package io.tally.hitkeep.model;

/**
 * Totals of an AI fetch correlation report.
 *
 * @param totalFetches fetches in the window
 * @param fetchedPaths distinct paths fetched
 * @param correlatedPaths fetched paths that later received AI-referred visits
 * @param uncorrelatedFetches fetches of paths that received no AI-referred visit
 * @param aiReferredVisits visits referred by AI assistants
 */
public record AiFetchCorrelationSummary(
        long totalFetches,
        long fetchedPaths,
        long correlatedPaths,
        long uncorrelatedFetches,
        long aiReferredVisits) {}
