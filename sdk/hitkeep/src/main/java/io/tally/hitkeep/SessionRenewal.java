package io.tally.hitkeep;

import io.tally.hitkeep.model.AuthSession;

/**
 * A renewed dashboard session, from {@link Auth#extendSession()}: the new timing, the new cookies and a
 * client that sends them. HitKeep clients are immutable, so the client that asked keeps the old cookies:
 * switch to {@link #client()}.
 */
public final class SessionRenewal {
    private final AuthSession timing;
    private final HitKeepSession session;
    private final HitKeep client;

    SessionRenewal(AuthSession timing, HitKeepSession session, HitKeep client) {
        this.timing = timing;
        this.session = session;
        this.client = client;
    }

    /** The renewed session's timing (new expiry). */
    public AuthSession timing() {
        return timing;
    }

    /**
     * The renewed session: the fresh {@code hk_token} HitKeep set and, when the session is remembered, the
     * {@code hk_remember_me} it rotated (or the previous one, when it did not set a new one). Store it in place of
     * the old one.
     */
    public HitKeepSession session() {
        return session;
    }

    /** A client that sends the renewed cookies; shares the old client's connection pool. */
    public HitKeep client() {
        return client;
    }

    @Override
    public String toString() {
        return "SessionRenewal[" + timing + ", " + session + "]";
    }
}
