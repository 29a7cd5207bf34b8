package io.tally.hitkeep.model;

/** The parts of an opportunity's score (each a number of points; {@code total} is their sum as ranked). */
public record OpportunityScoreBreakdown(int impact, int urgency, int evidenceFit, int actionability, int freshness,
        int sample, int effort, int total) {}
