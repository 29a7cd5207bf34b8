package io.tally.hitkeep;

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
    SHARE_TOKEN
}
