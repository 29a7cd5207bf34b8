package io.tally.hitkeep.model;

import org.jspecify.annotations.Nullable;

/**
 * HitKeep's generic acknowledgement, e.g. {@code {"status":"ok"}}.
 *
 * @param status the outcome, usually {@code ok}
 * @param message an optional explanation, or {@code null}
 */
public record Status(
        String status,
        @Nullable String message) {}
