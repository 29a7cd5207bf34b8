package io.tally.hitkeep.model;

import org.jspecify.annotations.Nullable;

/**
 * The signed-in user's profile.
 *
 * @param id the user id
 * @param email the e-mail address
 * @param givenName the given name, or {@code null}
 * @param lastName the last name, or {@code null}
 * @param displayName the name the dashboard shows
 * @param avatarUrl the avatar URL
 */
public record UserProfile(
        String id,
        String email,
        @Nullable String givenName,
        @Nullable String lastName,
        String displayName,
        String avatarUrl) {}
