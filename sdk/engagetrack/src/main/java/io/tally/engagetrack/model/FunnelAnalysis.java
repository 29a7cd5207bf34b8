package io.tally.engagetrack.model;

import java.util.List;

/**
 * A funnel's analysis: its steps in order. The container EngageTrack puts them in is not published; the SDK
 * reads an array {@code data}, or {@code data.steps}, or the first array inside {@code data}.
 *
 * @param steps the steps, first to last
 */
public record FunnelAnalysis(List<FunnelStepResult> steps) {
    /** Makes the list unmodifiable; {@code null} is empty. */
    public FunnelAnalysis {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
