package io.tally.mcp.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * In stateful mode, which token opened which MCP session: a session id is bound to the hash of the token that
 * sent the {@code initialize} request, and a request that presents the session id with another token is refused
 * (403). A session id that was never bound here (unknown, or forgotten) is not served at all. Holds hashes only,
 * at most {@code maxSessions} (oldest forgotten first).
 */
public final class SessionBindings {
    private final Map<String, String> tokenHashBySession;

    /** Bindings that remember at most {@code maxSessions} sessions. */
    public SessionBindings(int maxSessions) {
        this.tokenHashBySession = new LinkedHashMap<>(64, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > maxSessions;
            }
        };
    }

    /** Records that {@code tokenHash} opened {@code sessionId}. */
    public synchronized void bind(String sessionId, String tokenHash) {
        tokenHashBySession.put(sessionId, tokenHash);
    }

    /** The hash of the token that opened the session, or {@code null} when the session is not known here. */
    public synchronized String owner(String sessionId) {
        return tokenHashBySession.get(sessionId);
    }

    /** Forgets a session (after DELETE). */
    public synchronized void unbind(String sessionId) {
        tokenHashBySession.remove(sessionId);
    }
}
