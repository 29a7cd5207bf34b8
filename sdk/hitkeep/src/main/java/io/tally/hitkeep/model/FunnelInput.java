package io.tally.hitkeep.model;

import java.util.Arrays;
import java.util.List;

/**
 * A funnel to create: a name and at least two steps, in order.
 *
 * <pre>{@code
 * FunnelInput checkout = FunnelInput.of("Checkout",
 *     FunnelStep.path("/cart"), FunnelStep.path("/checkout"), FunnelStep.event("purchase"));
 * }</pre>
 *
 * @param name  the funnel's name
 * @param steps the steps, at least two
 */
public record FunnelInput(String name, List<FunnelStep> steps) {
    /**
     * Checks the funnel and copies {@code steps} into an unmodifiable list.
     *
     * @throws IllegalArgumentException when {@code name} is blank, there are fewer than 2 steps, or a step
     *     lacks a type or a non-blank value
     */
    public FunnelInput {
        if (name == null || name.trim().isEmpty()) {
            throw new IllegalArgumentException("name must not be null or blank");
        }
        steps = Immutable.list(steps);
        if (steps.size() < 2) {
            throw new IllegalArgumentException("steps must hold at least 2 steps, got " + steps.size());
        }
        for (int i = 0; i < steps.size(); i++) {
            FunnelStep step = steps.get(i);
            if (step == null || step.type() == null || step.value() == null || step.value().trim().isEmpty()) {
                throw new IllegalArgumentException(
                        "steps[" + i + "] must have a type (path or event) and a non-blank value");
            }
        }
    }

    /** A funnel named {@code name} with these steps. */
    public static FunnelInput of(String name, FunnelStep... steps) {
        return new FunnelInput(name, Arrays.asList(steps));
    }
}
