package io.tally.hitkeep;

import io.tally.core.Credentials;
import io.tally.core.spi.RouteCredentials;

/** Which credentials a HitKeep route accepts (HitKeep reference §2). */
public enum RouteAuth {
    /** No credentials needed. */
    PUBLIC,
    /** An API-client token or a dashboard session. */
    TOKEN_OR_SESSION,
    /** An API-client token only (server-side ingest); a session is refused. */
    TOKEN_ONLY,
    /** A dashboard session only ({@code hk_token} cookie from a login); tokens are refused with 401. */
    SESSION_ONLY,
    /** A share token in the path; no other credentials. */
    SHARE_TOKEN;

    private static final RouteCredentials TOKEN = RouteCredentials.anyOf(
            "only an API-client token (a session is refused)",
            "build the client with apiToken(...)", Credentials.Kind.BEARER, Credentials.Kind.API_KEY);

    /** The rule core applies before sending (the session check of {@link #SESSION_ONLY} is HitKeep's own). */
    RouteCredentials credentials() {
        switch (this) {
            case PUBLIC:
            case SHARE_TOKEN:
                return RouteCredentials.none();
            case TOKEN_ONLY:
                return TOKEN;
            default:
                return RouteCredentials.asConfigured();
        }
    }
}
