package io.tally.hitkeep.model;

/**
 * A new or rotated API client and its token. The token is shown only here: store it now. {@link #toString()}
 * never shows it.
 *
 * @param client the client
 * @param token the token (64 hex characters); send it as {@code Authorization: Bearer <token>}
 */
public record ApiClientCreated(
        ApiClient client,
        String token) {
    /** Shows every field except secrets, which are redacted. */
    @Override
    public String toString() {
        return "ApiClientCreated[" + "client=" + client + ", " + "token=██" + "]";
    }
}
