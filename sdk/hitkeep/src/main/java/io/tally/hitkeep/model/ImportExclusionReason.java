package io.tally.hitkeep.model;

/**
 * Why imported data was left out of a report (imported aggregates cannot be filtered, for example).
 *
 * @param reason a machine-readable reason
 * @param detail an explanation, or {@code null}
 */
public record ImportExclusionReason(
        String reason,
        String detail) {}
