package io.tally.hitkeep.model;

import org.jspecify.annotations.Nullable;

/**
 * The signed-in user's profile as it should be: the e-mail address and optional names. An update replaces
 * all three.
 *
 * @param email     the e-mail address (required)
 * @param givenName the given name, or {@code null}
 * @param lastName  the last name, or {@code null}
 */
public record ProfileInput(String email, @Nullable String givenName, @Nullable String lastName) {
    /**
     * Checks the e-mail address before anything is sent.
     *
     * @throws IllegalArgumentException when {@code email} is blank or has no {@code @} after its first character
     */
    public ProfileInput {
        if (email == null || email.trim().isEmpty()) {
            throw new IllegalArgumentException("email must not be null or blank");
        }
        if (email.indexOf('@') <= 0) {
            throw new IllegalArgumentException(
                    "email must be an e-mail address such as ada@example.com, got '" + email + "'");
        }
    }

    /** A profile with just the e-mail address. */
    public static ProfileInput of(String email) {
        return new ProfileInput(email, null, null);
    }
}
