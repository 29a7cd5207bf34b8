package io.tally.mcp.http;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The limits that keep one caller (or a stranger with made-up tokens) from hurting the others: how long a body
 * may take to arrive, how many connections are open, per-address and unverified-token rates, stateful session caps,
 * the upstream budgets (one per provider: each provider's API has its own limit), and how long a shutdown waits for
 * in-flight requests.
 *
 * @param bodyReadTimeout          a request body must arrive completely within this time (408 after); the body is
 *                                 read without holding a thread, so slow senders cost memory, not threads
 * @param maxConnections           open connections at most; further ones wait in the accept queue
 * @param perAddressPerMinute      requests a minute per client address, 0 for no limit (behind a load balancer
 *                                 every caller shares its address: raise or disable it there)
 * @param perAddressBurst          requests a client address may send at once
 * @param unverifiedPerMinute      requests a minute per client address carrying tokens the upstream has not yet
 *                                 accepted (made-up tokens all land here), 0 for no limit
 * @param unverifiedBurst          such requests at once
 * @param maxSessions              stateful sessions in all (a new one beyond is refused with 503)
 * @param maxSessionsPerToken      stateful sessions per token (a new one beyond is refused with 429)
 * @param sessionIdleTimeout       a stateful session unused this long is forgotten
 * @param upstreamPerSecond        calls a second to a provider's upstream API, shared fairly between tokens; 0 for no
 *                                 limit. The default for every provider without a budget of its own
 * @param upstreamBurst            upstream calls at once (the default)
 * @param upstreamQueuePerToken    upstream calls of one token that may wait for their turn (more fail at once)
 * @param upstreamMaxWait          the longest an upstream call waits for its turn
 * @param shutdownGrace            on stop, how long in-flight requests may take to finish
 * @param upstreamByProvider       budgets of their own for some providers, by provider name (the others get
 *                                 {@code upstreamPerSecond} and {@code upstreamBurst}); see {@link #upstreamFor}
 */
public record GuardSettings(Duration bodyReadTimeout, int maxConnections, int perAddressPerMinute,
        int perAddressBurst, int unverifiedPerMinute, int unverifiedBurst, int maxSessions,
        int maxSessionsPerToken, Duration sessionIdleTimeout, double upstreamPerSecond,
        int upstreamBurst, int upstreamQueuePerToken, Duration upstreamMaxWait,
        Duration shutdownGrace, Map<String, UpstreamBudget> upstreamByProvider) {
    /**
     * One provider's upstream budget.
     *
     * @param perSecond upstream calls a second, 0 for no limit
     * @param burst     upstream calls at once, or 0 for the settings' default burst ({@code upstreamBurst})
     */
    public record UpstreamBudget(double perSecond, int burst) {
        /**
         * Checks both values.
         *
         * @throws IllegalArgumentException naming the value that is out of range
         */
        public UpstreamBudget {
            if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
                throw new IllegalArgumentException("upstream rate must be 0 (no limit) or a positive number, got "
                        + perSecond);
            }
            if (burst < 0) {
                throw new IllegalArgumentException("upstream burst must be at least 1 (or 0 for the default), got "
                        + burst);
            }
        }
    }

    /**
     * The settings without budgets per provider: every provider gets {@code upstreamPerSecond} and
     * {@code upstreamBurst}, each in a budget of its own.
     */
    public GuardSettings(Duration bodyReadTimeout, int maxConnections, int perAddressPerMinute, int perAddressBurst,
            int unverifiedPerMinute, int unverifiedBurst, int maxSessions, int maxSessionsPerToken,
            Duration sessionIdleTimeout, double upstreamPerSecond, int upstreamBurst,
            int upstreamQueuePerToken, Duration upstreamMaxWait, Duration shutdownGrace) {
        this(bodyReadTimeout, maxConnections, perAddressPerMinute, perAddressBurst, unverifiedPerMinute,
                unverifiedBurst, maxSessions, maxSessionsPerToken, sessionIdleTimeout, upstreamPerSecond, upstreamBurst,
                upstreamQueuePerToken, upstreamMaxWait, shutdownGrace, Map.of());
    }

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException naming the value that is out of range
     */
    public GuardSettings {
        positive("bodyReadTimeout", bodyReadTimeout);
        atLeast("maxConnections", maxConnections, 1);
        atLeast("perAddressPerMinute", perAddressPerMinute, 0);
        atLeast("perAddressBurst", perAddressBurst, 1);
        atLeast("unverifiedPerMinute", unverifiedPerMinute, 0);
        atLeast("unverifiedBurst", unverifiedBurst, 1);
        atLeast("maxSessions", maxSessions, 1);
        atLeast("maxSessionsPerToken", maxSessionsPerToken, 1);
        positive("sessionIdleTimeout", sessionIdleTimeout);
        if (!(upstreamPerSecond >= 0) || Double.isInfinite(upstreamPerSecond)) {
            throw new IllegalArgumentException("upstreamPerSecond must be 0 (no limit) or a positive number, got "
                    + upstreamPerSecond);
        }
        atLeast("upstreamBurst", upstreamBurst, 1);
        atLeast("upstreamQueuePerToken", upstreamQueuePerToken, 0);
        positive("upstreamMaxWait", upstreamMaxWait);
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative, got " + shutdownGrace);
        }
        Objects.requireNonNull(upstreamByProvider, "upstreamByProvider");
        TreeMap<String, UpstreamBudget> budgets = new TreeMap<>();
        upstreamByProvider.forEach((name, budget) -> budgets.put(providerName(name),
                Objects.requireNonNull(budget, "upstream budget of " + name)));
        upstreamByProvider = Collections.unmodifiableMap(budgets);
    }

    /**
     * Bodies within 10 s, 1,000 connections, 1,200 requests a minute per address (bursts of 200), 60 a minute per
     * address for unverified tokens (bursts of 20), 10,000 sessions, 16 per token, idle after 30 minutes, upstream
     * calls at 8 a second with bursts of 16 (under HitKeep's documented 10 a second, burst 20, per IP), 4 waiting
     * per token for at most 10 s, and 20 s for in-flight requests at shutdown.
     */
    public static GuardSettings defaults() {
        return new GuardSettings(Duration.ofSeconds(10), 1000, 1200, 200, 60, 20, 10_000, 16, Duration.ofMinutes(30),
                8, 16, 4, Duration.ofSeconds(10), Duration.ofSeconds(20));
    }

    /** The same, with another body deadline. */
    public GuardSettings withBodyReadTimeout(Duration value) {
        return new GuardSettings(value, maxConnections, perAddressPerMinute, perAddressBurst, unverifiedPerMinute,
                unverifiedBurst, maxSessions, maxSessionsPerToken, sessionIdleTimeout, upstreamPerSecond, upstreamBurst,
                upstreamQueuePerToken, upstreamMaxWait, shutdownGrace, upstreamByProvider);
    }

    /** The same, with another connection cap. */
    public GuardSettings withMaxConnections(int value) {
        return new GuardSettings(bodyReadTimeout, value, perAddressPerMinute, perAddressBurst, unverifiedPerMinute,
                unverifiedBurst, maxSessions, maxSessionsPerToken, sessionIdleTimeout, upstreamPerSecond, upstreamBurst,
                upstreamQueuePerToken, upstreamMaxWait, shutdownGrace, upstreamByProvider);
    }

    /** The same, with another per-address rate ({@code perMinute} 0 for none). */
    public GuardSettings withPerAddressLimit(int perMinute, int burst) {
        return new GuardSettings(bodyReadTimeout, maxConnections, perMinute, burst, unverifiedPerMinute,
                unverifiedBurst, maxSessions, maxSessionsPerToken, sessionIdleTimeout, upstreamPerSecond, upstreamBurst,
                upstreamQueuePerToken, upstreamMaxWait, shutdownGrace, upstreamByProvider);
    }

    /** The same, with another rate for unverified tokens per address ({@code perMinute} 0 for none). */
    public GuardSettings withUnverifiedLimit(int perMinute, int burst) {
        return new GuardSettings(bodyReadTimeout, maxConnections, perAddressPerMinute, perAddressBurst, perMinute,
                burst, maxSessions, maxSessionsPerToken, sessionIdleTimeout, upstreamPerSecond, upstreamBurst,
                upstreamQueuePerToken, upstreamMaxWait, shutdownGrace, upstreamByProvider);
    }

    /** The same, with other session caps. */
    public GuardSettings withSessions(int max, int perToken, Duration idleTimeout) {
        return new GuardSettings(bodyReadTimeout, maxConnections, perAddressPerMinute, perAddressBurst,
                unverifiedPerMinute, unverifiedBurst, max, perToken, idleTimeout, upstreamPerSecond, upstreamBurst,
                upstreamQueuePerToken, upstreamMaxWait, shutdownGrace, upstreamByProvider);
    }

    /** The same, with another upstream budget ({@code perSecond} 0 for none). */
    public GuardSettings withUpstream(double perSecond, int burst, int queuePerToken, Duration maxWait) {
        return new GuardSettings(bodyReadTimeout, maxConnections, perAddressPerMinute, perAddressBurst,
                unverifiedPerMinute, unverifiedBurst, maxSessions, maxSessionsPerToken, sessionIdleTimeout, perSecond,
                burst, queuePerToken, maxWait, shutdownGrace, upstreamByProvider);
    }

    /**
     * The same, with a budget of its own for one provider's upstream ({@code perSecond} 0 for none; {@code burst} 0
     * for the default burst).
     *
     * @throws IllegalArgumentException when the provider name is not lower-case letters, digits and '-', or a value
     *                                  is out of range
     */
    public GuardSettings withUpstreamFor(String provider, double perSecond, int burst) {
        Map<String, UpstreamBudget> budgets = new TreeMap<>(upstreamByProvider);
        budgets.put(providerName(provider), new UpstreamBudget(perSecond, burst));
        return new GuardSettings(bodyReadTimeout, maxConnections, perAddressPerMinute, perAddressBurst,
                unverifiedPerMinute, unverifiedBurst, maxSessions, maxSessionsPerToken, sessionIdleTimeout,
                upstreamPerSecond, upstreamBurst, upstreamQueuePerToken, upstreamMaxWait, shutdownGrace, budgets);
    }

    /**
     * The budget of one provider's upstream: its own when set ({@link #withUpstreamFor}), otherwise
     * {@code upstreamPerSecond} and {@code upstreamBurst}; the burst is never 0 here.
     */
    public UpstreamBudget upstreamFor(String provider) {
        UpstreamBudget own = upstreamByProvider.get(provider);
        if (own == null) {
            return new UpstreamBudget(upstreamPerSecond, upstreamBurst);
        }
        return own.burst() == 0 ? new UpstreamBudget(own.perSecond(), upstreamBurst) : own;
    }

    /** The same, with another shutdown grace period. */
    public GuardSettings withShutdownGrace(Duration value) {
        return new GuardSettings(bodyReadTimeout, maxConnections, perAddressPerMinute, perAddressBurst,
                unverifiedPerMinute, unverifiedBurst, maxSessions, maxSessionsPerToken, sessionIdleTimeout,
                upstreamPerSecond, upstreamBurst, upstreamQueuePerToken, upstreamMaxWait, value, upstreamByProvider);
    }

    private static String providerName(String name) {
        Objects.requireNonNull(name, "provider name");
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.isEmpty() || !n.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("provider name must be lower-case letters, digits and '-', got '"
                    + name + "'");
        }
        return n;
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
