package io.tally.hitkeep.model;

/**
 * The answer to first-run setup ({@code POST /api/initial-user}). {@link #toString()} never shows the token.
 *
 * @param token the token HitKeep issued for the new owner
 */
public record InitialUser(
        String token) {
    /** Shows every field except secrets, which are redacted. */
    @Override
    public String toString() {
        return "InitialUser[" + "token=██" + "]";
    }
}
