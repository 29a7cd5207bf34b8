package io.tally.hitkeep.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in user's dashboard preferences; also the body of {@code account().updatePreferences(…)}.
 *
 * @param defaultLocale the dashboard language, e.g. {@code en}, or {@code null} for the browser's
 * @param dismissedOnboardingAt when the onboarding checklist was dismissed, or {@code null}
 */
public record UserPreferences(
        @Nullable String defaultLocale,
        @Nullable Instant dismissedOnboardingAt) {

    /** Preferences with this locale and nothing else set. */
    public static UserPreferences locale(String defaultLocale) {
        return new UserPreferences(defaultLocale, null);
    }
}
