package io.tally.engagetrack;

import io.tally.core.Credentials;
import io.tally.core.spi.RouteCredentials;

/** Which credentials an EngageTrack route accepts (EngageTrack reference §2). */
public enum RouteAuth {
    /** An API key (limited by its scopes) or a user session token. */
    KEY_OR_SESSION,
    /** A user session token (JWT) only: API keys are refused even with every scope. */
    SESSION_ONLY,
    /** No {@code Authorization} header: the ingestion routes, identified by the site's public id in the body. */
    NONE;

    private static final RouteCredentials SESSION = RouteCredentials.anyOf(
            "only a user session token (JWT); EngageTrack refuses API keys here even with every scope",
            "build the client with sessionToken(...) or use withSessionToken(...)", Credentials.Kind.BEARER);

    /** The rule core applies before sending. */
    RouteCredentials credentials() {
        switch (this) {
            case SESSION_ONLY:
                return SESSION;
            case NONE:
                return RouteCredentials.none();
            default:
                return RouteCredentials.asConfigured();
        }
    }
}
