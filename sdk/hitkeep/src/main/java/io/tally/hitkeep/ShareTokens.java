package io.tally.hitkeep;

/** Checks share tokens before they are put in a path. */
final class ShareTokens {
    private ShareTokens() {}

    static String require(String token, String name) {
        if (token == null || token.trim().isEmpty()) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
        return token.trim();
    }
}
