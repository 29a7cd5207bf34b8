package io.tally.hitkeep;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The cookies of a HitKeep dashboard session: {@code hk_token} (short-lived JWT) and, when the login
 * asked to be remembered, {@code hk_remember_me}. Obtained from a login; can be stored and restored
 * with {@link HitKeep#withSession(HitKeepSession)}. {@link #toString()} never shows the values.
 */
public final class HitKeepSession {
    /** The session cookie's name. */
    public static final String TOKEN_COOKIE = "hk_token";
    /** The remember-me cookie's name. */
    public static final String REMEMBER_ME_COOKIE = "hk_remember_me";

    private final String token;
    private final @Nullable String rememberMe;

    private HitKeepSession(String token, @Nullable String rememberMe) {
        this.token = token;
        this.rememberMe = rememberMe;
    }

    /**
     * @param token      the {@code hk_token} cookie value
     * @param rememberMe the {@code hk_remember_me} cookie value, or {@code null}
     */
    public static HitKeepSession of(String token, @Nullable String rememberMe) {
        if (token == null || token.trim().isEmpty()) {
            throw new IllegalArgumentException("token (the hk_token cookie) must not be null or blank");
        }
        return new HitKeepSession(token, rememberMe == null || rememberMe.trim().isEmpty() ? null : rememberMe);
    }

    /** The {@code hk_token} value. Treat it as a password. */
    public String token() {
        return token;
    }

    /** The {@code hk_remember_me} value, or {@code null}. Treat it as a password. */
    public @Nullable String rememberMe() {
        return rememberMe;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HitKeepSession && ((HitKeepSession) o).token.equals(token)
                && Objects.equals(((HitKeepSession) o).rememberMe, rememberMe);
    }

    @Override
    public int hashCode() {
        return token.hashCode();
    }

    @Override
    public String toString() {
        return "HitKeepSession[hk_token=██" + (rememberMe != null ? ", hk_remember_me=██" : "") + "]";
    }
}
