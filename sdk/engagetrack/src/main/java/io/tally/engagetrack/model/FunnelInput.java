package io.tally.engagetrack.model;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A funnel to create: a name and at least 2 steps, numbered from 1 in the order given.
 *
 * @param name the funnel's name
 * @param description a description, or {@code null}
 * @param steps the steps, first to last
 */
public record FunnelInput(String name, @Nullable String description, List<FunnelStep> steps) {
    /**
     * Checks the inputs and numbers the steps.
     *
     * @throws IllegalArgumentException when the name is blank or there are fewer than 2 steps
     */
    public FunnelInput {
        if (name == null || name.trim().isEmpty()) {
            throw new IllegalArgumentException("funnel name must not be null or blank");
        }
        if (steps == null || steps.size() < 2) {
            throw new IllegalArgumentException(
                    "a funnel needs at least 2 steps, got " + (steps == null ? 0 : steps.size()));
        }
        List<FunnelStep> numbered = new ArrayList<>();
        for (FunnelStep s : steps) {
            if (s == null) {
                throw new IllegalArgumentException("funnel steps must not contain null");
            }
            numbered.add(s.at(numbered.size() + 1));
        }
        steps = List.copyOf(numbered);
    }

    /** A funnel with these steps and no description. */
    @SuppressWarnings("NullAway") // null steps reach the constructor, which rejects them with a clear message
    public static FunnelInput of(String name, FunnelStep... steps) {
        return new FunnelInput(name, null, steps == null ? null : List.of(steps));
    }

    /** This funnel with a description. */
    public FunnelInput withDescription(String description) {
        return new FunnelInput(name, description, steps);
    }
}
