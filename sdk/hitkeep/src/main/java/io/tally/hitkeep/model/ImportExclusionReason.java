package io.tally.hitkeep.model;

import org.jspecify.annotations.Nullable;

/**
 * Why imported data was left out of a report (imported aggregates cannot be filtered, for example).
 *
 * @param reason a machine-readable reason
 * @param detail an explanation, or {@code null}
 */
public record ImportExclusionReason(
        String reason,
        @Nullable String detail) {}
