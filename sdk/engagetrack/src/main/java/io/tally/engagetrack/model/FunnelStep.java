package io.tally.engagetrack.model;

import org.jspecify.annotations.Nullable;

/**
 * One step of a funnel to create. The 1-based {@code order} is set by {@link FunnelInput} from the step's
 * position.
 *
 * @param name the step's label
 * @param order the 1-based position, or {@code null} until placed in a {@link FunnelInput}
 * @param type what it matches; {@code null} for EngageTrack's default {@code pageview}
 * @param pattern the page path or event name to match
 * @param matchType how; {@code null} for EngageTrack's default {@code contains}
 */
public record FunnelStep(String name, @Nullable Integer order, @Nullable StepType type, String pattern,
        @Nullable MatchType matchType) {
    /**
     * Checks the inputs.
     *
     * @throws IllegalArgumentException when the name or pattern is blank, or the order is below 1
     */
    public FunnelStep {
        if (name == null || name.trim().isEmpty()) {
            throw new IllegalArgumentException("step name must not be null or blank, e.g. Visited pricing");
        }
        if (pattern == null || pattern.trim().isEmpty()) {
            throw new IllegalArgumentException(
                    "step pattern must not be null or blank (a page path such as /pricing or an event name)");
        }
        if (order != null && order < 1) {
            throw new IllegalArgumentException("step order must be 1 or more, got " + order);
        }
    }

    /** A step matching page paths ({@code pageview}) that contain {@code path}. */
    public static FunnelStep pageview(String name, String path) {
        return new FunnelStep(name, null, StepType.PAGEVIEW, path, null);
    }

    /** A step matching a custom event by name ({@code custom_event}). */
    public static FunnelStep customEvent(String name, String eventName) {
        return new FunnelStep(name, null, StepType.CUSTOM_EVENT, eventName, null);
    }

    /** This step with another match type. */
    public FunnelStep withMatchType(MatchType matchType) {
        return new FunnelStep(name, order, type, pattern, matchType);
    }

    FunnelStep at(int position) {
        return new FunnelStep(name, position, type, pattern, matchType);
    }
}
