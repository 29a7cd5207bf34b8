package io.tally.hitkeep;

import io.tally.hitkeep.model.MfaChallenge;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a login step: either <b>logged in</b> — {@link #client()} is a {@link HitKeep} client that
 * sends the new session cookies, {@link #session()} the cookies themselves (to store and restore with
 * {@link HitKeep#withSession(HitKeepSession)}) — or <b>a second factor is needed</b>: {@link #mfaRequired()}
 * is true and {@link #challenge()} says which factors can complete it.
 *
 * <pre>{@code
 * LoginResult result = hitkeep.auth().login(email, password).execute();
 * if (result.mfaRequired()) {
 *     result = hitkeep.auth().verifyTotp(result.challenge(), promptForCode()).execute();
 * }
 * HitKeep dashboard = result.client();
 * }</pre>
 *
 * <p>{@link #toString()} never shows cookie values or challenge tokens.
 */
public final class LoginResult {
    private final @Nullable HitKeep client;
    private final @Nullable HitKeepSession session;
    private final @Nullable MfaChallenge challenge;

    private LoginResult(@Nullable HitKeep client, @Nullable HitKeepSession session, @Nullable MfaChallenge challenge) {
        this.client = client;
        this.session = session;
        this.challenge = challenge;
    }

    static LoginResult loggedIn(HitKeep client, HitKeepSession session) {
        return new LoginResult(Objects.requireNonNull(client), Objects.requireNonNull(session), null);
    }

    static LoginResult mfaRequired(MfaChallenge challenge) {
        return new LoginResult(null, null, Objects.requireNonNull(challenge));
    }

    /** Whether the login waits for a second factor ({@link #challenge()}) instead of being complete. */
    public boolean mfaRequired() {
        return challenge != null;
    }

    /**
     * A client that sends the session cookies, for session-only routes; it shares the connection pool of the
     * client that logged in and keeps its other settings.
     *
     * @throws IllegalStateException when a second factor is still needed
     */
    public HitKeep client() {
        requireLoggedIn();
        return Objects.requireNonNull(client); // a login without a challenge always has a client
    }

    /**
     * The session cookies, to store (they are credentials: keep them like a password) and restore later with
     * {@link HitKeep#withSession(HitKeepSession)}.
     *
     * @throws IllegalStateException when a second factor is still needed
     */
    public HitKeepSession session() {
        requireLoggedIn();
        return Objects.requireNonNull(session); // and its session
    }

    /**
     * The second-factor challenge to complete.
     *
     * @throws IllegalStateException when the login is already complete
     */
    public MfaChallenge challenge() {
        if (challenge == null) {
            throw new IllegalStateException("the login is complete and has no second-factor challenge; use client()");
        }
        return challenge;
    }

    private void requireLoggedIn() {
        if (challenge != null) {
            throw new IllegalStateException("the login needs a second factor first (offered: " + challenge.factors()
                    + "); complete challenge() with auth().verifyTotp(...), verifyRecoveryCode(...) or an e-mail link");
        }
    }

    @Override
    public String toString() {
        return challenge != null ? "LoginResult[second factor required: " + challenge.factors() + "]"
                : "LoginResult[logged in, " + session + "]";
    }
}
