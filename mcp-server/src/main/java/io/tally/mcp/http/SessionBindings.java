package io.tally.mcp.http;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * In stateful mode, which token opened which MCP session: a session id is bound to the hash of the token that
 * sent the {@code initialize} request, and a request that presents the session id with another token is refused
 * (403). A session id that was never bound here (unknown, expired, or closed) is not served at all.
 *
 * <p>Bounded three ways, so that one token's flood of {@code initialize} calls never evicts another token's
 * session: each token may hold at most {@code maxPerToken} sessions (a new one beyond that is refused until one
 * is closed or idles out), the table holds at most {@code maxSessions} (a new one beyond that is refused), and a
 * session not used for {@code idleTimeout} is forgotten. Nothing is ever evicted to make room. Holds hashes only.
 */
public final class SessionBindings {
    /** Why a new session was not admitted. */
    public enum Refusal {
        /** The token already holds its maximum number of sessions. */
        TOKEN_FULL,
        /** The table is full. */
        TABLE_FULL
    }

    private final int maxSessions;
    private final int maxPerToken;
    private final long idleNanos;
    private final LongSupplier nanoTime;
    /** In order of last use, oldest first (access order), so expiry stops at the first live entry. */
    private final LinkedHashMap<String, Binding> bySession = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<String, Integer> countByToken = new HashMap<>();

    /**
     * @param maxSessions at most this many sessions in all, at least 1
     * @param maxPerToken at most this many sessions per token, at least 1
     * @param idleTimeout a session unused this long is forgotten
     * @param nanoTime    a monotonic clock in nanoseconds (tests inject one)
     */
    public SessionBindings(int maxSessions, int maxPerToken, Duration idleTimeout, LongSupplier nanoTime) {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1, got " + maxSessions);
        }
        if (maxPerToken < 1) {
            throw new IllegalArgumentException("maxSessionsPerToken must be at least 1, got " + maxPerToken);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("session idle timeout must be positive, got " + idleTimeout);
        }
        this.maxSessions = maxSessions;
        this.maxPerToken = maxPerToken;
        this.idleNanos = idleTimeout.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Whether {@code tokenHash} may open one more session now ({@code null}), or why not. Checked before an
     * {@code initialize} reaches the transport; {@link #bind} records the session the transport then opens.
     */
    public @Nullable Refusal admit(String tokenHash) {
        return admit(tokenHash, true);
    }

    /**
     * Like {@link #admit(String)}; {@code capPerToken} false exempts the token from the per-token cap (the table
     * cap still applies). The server's own fallback token is exempt: every local request without a token shares
     * it, so a per-token cap would lock local use out.
     */
    public synchronized @Nullable Refusal admit(String tokenHash, boolean capPerToken) {
        expire(nanoTime.getAsLong());
        if (capPerToken && countByToken.getOrDefault(tokenHash, 0) >= maxPerToken) {
            return Refusal.TOKEN_FULL;
        }
        return bySession.size() >= maxSessions ? Refusal.TABLE_FULL : null;
    }

    /**
     * Records that {@code tokenHash} opened {@code sessionId}. Sessions admitted concurrently may overshoot a cap by
     * the number of initialize calls in flight; none is evicted for it.
     */
    public synchronized void bind(String sessionId, String tokenHash) {
        long now = nanoTime.getAsLong();
        Binding old = bySession.put(sessionId, new Binding(tokenHash, now));
        if (old != null) {
            decrement(old.tokenHash);
        }
        countByToken.merge(tokenHash, 1, Integer::sum);
    }

    /**
     * The hash of the token that opened the session, or {@code null} when the session is not known here (never
     * opened, closed, or idle too long). Counts as a use of the session.
     */
    public synchronized @Nullable String owner(String sessionId) {
        long now = nanoTime.getAsLong();
        expire(now);
        Binding b = bySession.get(sessionId);
        if (b == null) {
            return null;
        }
        b.lastUsed = now;
        return b.tokenHash;
    }

    /** Forgets a session (after DELETE). */
    public synchronized void unbind(String sessionId) {
        Binding b = bySession.remove(sessionId);
        if (b != null) {
            decrement(b.tokenHash);
        }
    }

    /** Sessions known now. */
    public synchronized int size() {
        expire(nanoTime.getAsLong());
        return bySession.size();
    }

    /** How long a session may idle, for messages. */
    public Duration idleTimeout() {
        return Duration.ofNanos(idleNanos);
    }

    private void expire(long now) {
        Iterator<Binding> it = bySession.values().iterator();
        while (it.hasNext()) {
            Binding b = it.next();
            if (now - b.lastUsed < idleNanos) {
                break;
            }
            it.remove();
            decrement(b.tokenHash);
        }
    }

    private void decrement(String tokenHash) {
        countByToken.computeIfPresent(tokenHash, (k, n) -> n <= 1 ? null : n - 1);
    }

    private static final class Binding {
        final String tokenHash;
        long lastUsed;

        Binding(String tokenHash, long lastUsed) {
            this.tokenHash = tokenHash;
            this.lastUsed = lastUsed;
        }
    }
}
