package io.tally.hitkeep.model;

import org.jspecify.annotations.Nullable;

/**
 * A team's name and logo, to create or rename a team.
 *
 * @param name    the team's name (required)
 * @param logoUrl the logo's URL, or {@code null}
 */
public record TeamInput(String name, @Nullable String logoUrl) {
    /**
     * Checks the name before anything is sent.
     *
     * @throws IllegalArgumentException when {@code name} is null or blank
     */
    public TeamInput {
        if (name == null || name.trim().isEmpty()) {
            throw new IllegalArgumentException("name must not be null or blank");
        }
    }

    /** A team named {@code name}, without a logo. */
    public static TeamInput of(String name) {
        return new TeamInput(name, null);
    }
}
