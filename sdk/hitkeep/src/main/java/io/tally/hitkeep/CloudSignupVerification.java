package io.tally.hitkeep;

import io.tally.hitkeep.model.Redirect;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a HitKeep Cloud sign-up verification link: where HitKeep sends the browser (the dashboard
 * on success, {@code /signup?error=expired} otherwise) and, on success, the dashboard session it started.
 */
public final class CloudSignupVerification {
    private final Redirect redirect;
    private final @Nullable HitKeepSession session;

    CloudSignupVerification(Redirect redirect, @Nullable HitKeepSession session) {
        this.redirect = redirect;
        this.session = session;
    }

    /** The redirect HitKeep answered with. */
    public Redirect redirect() {
        return redirect;
    }

    /** The session HitKeep started for the new user, when verification succeeded; use it with {@link HitKeep#withSession}. */
    public Optional<HitKeepSession> session() {
        return Optional.ofNullable(session);
    }

    /** Whether the account was created (HitKeep signed the user in). */
    public boolean verified() {
        return session != null;
    }

    @Override
    public String toString() {
        return "CloudSignupVerification[" + redirect + (session != null ? ", session=██" : "") + "]";
    }
}
