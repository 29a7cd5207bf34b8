package io.tally.hitkeep;

/** How an API-client token is sent. HitKeep accepts both; the MCP endpoint takes only Bearer. */
public enum TokenHeader {
    /** {@code Authorization: Bearer <token>} (the default). */
    BEARER,
    /** {@code X-API-Key: <token>}. */
    X_API_KEY
}
