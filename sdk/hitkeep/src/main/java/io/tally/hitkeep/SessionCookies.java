package io.tally.hitkeep;

import io.tally.core.spi.ResponseHandle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads HitKeep's session cookies from a response's {@code Set-Cookie} headers. The values never leave
 * this class except inside a {@link HitKeepSession}, whose {@code toString()} hides them.
 */
final class SessionCookies {
    private final @Nullable String token;
    private final @Nullable String rememberMe;

    private SessionCookies(@Nullable String token, @Nullable String rememberMe) {
        this.token = token;
        this.rememberMe = rememberMe;
    }

    /** The session cookies a response sets; cookies that are being cleared ({@code Max-Age=0}, empty) are ignored. */
    static SessionCookies of(ResponseHandle response) {
        String token = null;
        String rememberMe = null;
        for (String header : response.secretHeaderValues("Set-Cookie")) {
            int semicolon = header.indexOf(';');
            String pair = semicolon >= 0 ? header.substring(0, semicolon) : header;
            int eq = pair.indexOf('=');
            if (eq <= 0 || clears(header)) {
                continue;
            }
            String name = pair.substring(0, eq).trim();
            String value = unquote(pair.substring(eq + 1).trim());
            if (value.isEmpty()) {
                continue;
            }
            if (name.equals(HitKeepSession.TOKEN_COOKIE)) {
                token = value;
            } else if (name.equals(HitKeepSession.REMEMBER_ME_COOKIE)) {
                rememberMe = value;
            }
        }
        return new SessionCookies(token, rememberMe);
    }

    /** Whether a new {@code hk_token} was set. */
    boolean hasToken() {
        return token != null;
    }

    /** The session these cookies make up; {@link #hasToken()} must be true. */
    @SuppressWarnings("NullAway") // callers check hasToken() first, and of() rejects a missing token in any case
    HitKeepSession session() {
        return HitKeepSession.of(token, rememberMe);
    }

    private static boolean clears(String header) {
        String lower = header.toLowerCase(Locale.ROOT).replace(" ", "");
        return lower.contains(";max-age=0") || lower.contains(";max-age=-") || lower.contains("expires=thu,01jan1970");
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
