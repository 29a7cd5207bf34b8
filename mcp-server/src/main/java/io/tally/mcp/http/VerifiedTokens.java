package io.tally.mcp.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hashes of the tokens the upstream has accepted at least once (it answered a call made with them with 2xx). A
 * token not in here is <em>unverified</em>: the server cannot tell a real token from a made-up one until the
 * upstream has seen it, so unverified tokens share a per-address budget ({@link McpGuardFilter}) and rotating
 * made-up tokens gains nothing. Bounded: the least recently confirmed are forgotten first (they become unverified
 * again, which only moves them under the stricter budget).
 */
public final class VerifiedTokens {
    private final Map<String, Boolean> hashes;

    /** A set that remembers at most {@code capacity} token hashes. */
    public VerifiedTokens(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.hashes = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records that the upstream accepted the token with this hash. */
    public synchronized void confirm(String tokenHash) {
        hashes.put(tokenHash, Boolean.TRUE);
    }

    /** Whether the upstream has accepted the token with this hash. */
    public synchronized boolean isVerified(String tokenHash) {
        return hashes.containsKey(tokenHash);
    }
}
