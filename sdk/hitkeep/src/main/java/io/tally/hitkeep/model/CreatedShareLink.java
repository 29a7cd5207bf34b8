package io.tally.hitkeep.model;

import java.time.Instant;

/**
 * A share link just created: the only answer that carries its {@link #token()}. Anyone with the token
 * can read the site's dashboard; open it with {@code hitkeep.shared(token)}. {@link #toString()} hides it.
 *
 * @param token     the share token (treat it as a password)
 * @param tokenHint the first characters of the token
 * @param url       the dashboard URL of the shared view
 */
public record CreatedShareLink(String id, String token, String tokenHint, String url, Instant createdAt) {
    @Override
    public String toString() {
        return "CreatedShareLink[id=" + id + ", tokenHint=" + tokenHint + ", token=██, createdAt=" + createdAt + "]";
    }
}
