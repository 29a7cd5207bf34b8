package io.tally.hitkeep.model;

import java.util.List;

/**
 * The dashboard's onboarding checklist for the signed-in user.
 *
 * @param complete whether every step is done
 * @param dismissed whether the user dismissed the checklist
 * @param steps the steps
 */
public record UserOnboarding(
        boolean complete,
        boolean dismissed,
        List<OnboardingStep> steps) {
    /** Copies {@code steps} into an unmodifiable list; {@code null} becomes empty. */
    public UserOnboarding {
        steps = Immutable.list(steps);
    }
}
