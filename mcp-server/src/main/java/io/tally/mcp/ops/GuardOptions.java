package io.tally.mcp.ops;

import io.tally.core.Environment;
import io.tally.mcp.http.GuardSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command-line flags and environment variables of {@link GuardSettings} (the limits against slow, flooding or
 * made-up callers, the upstream budget and the shutdown grace period). A flag wins over its variable.
 */
public final class GuardOptions {
    /** Each flag and its environment variable. */
    private static final Map<String, String> VARIABLES = new LinkedHashMap<>();

    static {
        VARIABLES.put("--body-timeout-seconds", "TALLY_MCP_BODY_TIMEOUT_SECONDS");
        VARIABLES.put("--max-connections", "TALLY_MCP_MAX_CONNECTIONS");
        VARIABLES.put("--address-rate-limit", "TALLY_MCP_ADDRESS_RATE_LIMIT");
        VARIABLES.put("--address-rate-burst", "TALLY_MCP_ADDRESS_RATE_BURST");
        VARIABLES.put("--unverified-rate-limit", "TALLY_MCP_UNVERIFIED_RATE_LIMIT");
        VARIABLES.put("--unverified-rate-burst", "TALLY_MCP_UNVERIFIED_RATE_BURST");
        VARIABLES.put("--max-sessions", "TALLY_MCP_MAX_SESSIONS");
        VARIABLES.put("--max-sessions-per-token", "TALLY_MCP_MAX_SESSIONS_PER_TOKEN");
        VARIABLES.put("--session-idle-minutes", "TALLY_MCP_SESSION_IDLE_MINUTES");
        VARIABLES.put("--upstream-rate", "TALLY_MCP_UPSTREAM_RATE");
        VARIABLES.put("--upstream-burst", "TALLY_MCP_UPSTREAM_BURST");
        VARIABLES.put("--upstream-queue", "TALLY_MCP_UPSTREAM_QUEUE");
        VARIABLES.put("--upstream-max-wait-seconds", "TALLY_MCP_UPSTREAM_MAX_WAIT_SECONDS");
        VARIABLES.put("--shutdown-grace-seconds", "TALLY_MCP_SHUTDOWN_GRACE_SECONDS");
    }

    /** The flags this class understands. */
    public static final Set<String> FLAGS = Set.copyOf(VARIABLES.keySet());

    /** Each flag's {@code --help} text (its variable is added by the command line). */
    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        DESCRIPTIONS.put("--body-timeout-seconds", "A request body must arrive within N s (408 after), default 10. "
                + "Bodies are read without holding a thread.");
        DESCRIPTIONS.put("--max-connections", "Open connections at most, default 1000.");
        DESCRIPTIONS.put("--address-rate-limit", "Requests a minute per client address, default 1200; 0 for none "
                + "(behind a load balancer every caller shares its address).");
        DESCRIPTIONS.put("--address-rate-burst", "Default 200.");
        DESCRIPTIONS.put("--unverified-rate-limit", "Requests a minute per client address with tokens the upstream "
                + "has not accepted yet (made-up tokens), default 60; 0 for none.");
        DESCRIPTIONS.put("--unverified-rate-burst", "Default 20.");
        DESCRIPTIONS.put("--max-sessions", "Stateful sessions in all, default 10000 (503 beyond).");
        DESCRIPTIONS.put("--max-sessions-per-token", "Stateful sessions per token, default 16 (429 beyond; no other "
                + "token's session is ever evicted).");
        DESCRIPTIONS.put("--session-idle-minutes", "A session unused this long is forgotten, default 30.");
        DESCRIPTIONS.put("--upstream-rate", "Upstream API calls a second, per provider, shared fairly by all "
                + "tokens, default 8 (under HitKeep's 10/s per IP); 0 for none. Each provider's API has a budget of "
                + "its own; give one provider another with NAME=N[:BURST] (repeat the flag, or separate with commas: "
                + "hitkeep=8:16,alke=2).");
        DESCRIPTIONS.put("--upstream-burst", "Default 16 (for providers without a burst of their own).");
        DESCRIPTIONS.put("--upstream-queue", "Upstream calls of one token that may wait for their turn, default 4.");
        DESCRIPTIONS.put("--upstream-max-wait-seconds", "Longest wait for a turn, default 10.");
        DESCRIPTIONS.put("--shutdown-grace-seconds", "On SIGTERM, in-flight requests may finish within N s, "
                + "default 20.");
    }

    private GuardOptions() {}

    /** The flags in the order {@code --help} lists them. */
    public static List<String> flags() {
        return List.copyOf(VARIABLES.keySet());
    }

    /**
     * A flag's environment variable.
     *
     * @throws IllegalArgumentException for a flag this class does not know
     */
    public static String variable(String flag) {
        String variable = VARIABLES.get(flag);
        if (variable == null) {
            throw new IllegalArgumentException("unknown option '" + flag + "' (see --help)");
        }
        return variable;
    }

    /** A flag's {@code --help} text, without its variable; empty for a flag that has none. */
    public static String description(String flag) {
        return DESCRIPTIONS.getOrDefault(flag, "");
    }

    /**
     * {@code base} with the values of the environment variables that are set.
     *
     * @throws IllegalArgumentException naming the variable whose value is not valid
     */
    public static GuardSettings fromEnvironment(Environment env, GuardSettings base) {
        GuardSettings g = base;
        for (Map.Entry<String, String> e : VARIABLES.entrySet()) {
            String variable = e.getValue();
            java.util.Optional<String> value = env.get(variable);
            if (value.isPresent() && !value.get().trim().isEmpty()) {
                g = apply(g, e.getKey(), variable, value.get());
            }
        }
        return g;
    }

    /**
     * {@code base} with one flag applied.
     *
     * @throws IllegalArgumentException naming the flag whose value is not valid, or an unknown flag
     */
    public static GuardSettings apply(GuardSettings base, String flag, String value) {
        return apply(base, flag, flag, value);
    }

    private static GuardSettings apply(GuardSettings g, String flag, String name, String value) {
        return switch (flag) {
            case "--body-timeout-seconds" -> g.withBodyReadTimeout(Duration.ofSeconds(whole(name, value, 1, 3600)));
            case "--max-connections" -> g.withMaxConnections(whole(name, value, 1, 1_000_000));
            case "--address-rate-limit" -> g.withPerAddressLimit(whole(name, value, 0, Integer.MAX_VALUE),
                    g.perAddressBurst());
            case "--address-rate-burst" -> g.withPerAddressLimit(g.perAddressPerMinute(),
                    whole(name, value, 1, Integer.MAX_VALUE));
            case "--unverified-rate-limit" -> g.withUnverifiedLimit(whole(name, value, 0, Integer.MAX_VALUE),
                    g.unverifiedBurst());
            case "--unverified-rate-burst" -> g.withUnverifiedLimit(g.unverifiedPerMinute(),
                    whole(name, value, 1, Integer.MAX_VALUE));
            case "--max-sessions" -> g.withSessions(whole(name, value, 1, 10_000_000), g.maxSessionsPerToken(),
                    g.sessionIdleTimeout());
            case "--max-sessions-per-token" -> g.withSessions(g.maxSessions(), whole(name, value, 1, 1_000_000),
                    g.sessionIdleTimeout());
            case "--session-idle-minutes" -> g.withSessions(g.maxSessions(), g.maxSessionsPerToken(),
                    Duration.ofMinutes(whole(name, value, 1, 7 * 24 * 60)));
            case "--upstream-rate" -> upstreamRates(g, name, value);
            case "--upstream-burst" -> g.withUpstream(g.upstreamPerSecond(), whole(name, value, 1, 1_000_000),
                    g.upstreamQueuePerToken(), g.upstreamMaxWait());
            case "--upstream-queue" -> g.withUpstream(g.upstreamPerSecond(), g.upstreamBurst(),
                    whole(name, value, 0, 10_000), g.upstreamMaxWait());
            case "--upstream-max-wait-seconds" -> g.withUpstream(g.upstreamPerSecond(), g.upstreamBurst(),
                    g.upstreamQueuePerToken(), Duration.ofSeconds(whole(name, value, 1, 600)));
            case "--shutdown-grace-seconds" -> g.withShutdownGrace(Duration.ofSeconds(whole(name, value, 0, 3600)));
            default -> throw new IllegalArgumentException("unknown option '" + flag + "' (see --help)");
        };
    }

    /**
     * {@code --upstream-rate}: comma-separated entries, each either {@code N} (the default for every provider) or
     * {@code NAME=N[:BURST]} (one provider's budget of its own).
     */
    private static GuardSettings upstreamRates(GuardSettings g, String name, String value) {
        if (value.trim().isEmpty()) {
            throw new IllegalArgumentException(name + " must be N or NAME=N[:BURST], got an empty value");
        }
        for (String entry : value.split(",", -1)) {
            String e = entry.trim();
            int eq = e.indexOf('=');
            if (eq < 0) {
                g = g.withUpstream(decimal(name, e), g.upstreamBurst(), g.upstreamQueuePerToken(), g.upstreamMaxWait());
                continue;
            }
            String provider = e.substring(0, eq).trim();
            if (!provider.matches("[A-Za-z0-9-]+")) {
                throw new IllegalArgumentException(name + " needs a provider name before '=' (NAME=N[:BURST]), got '"
                        + e + "'");
            }
            String budget = e.substring(eq + 1);
            int colon = budget.indexOf(':');
            String what = name + " for " + provider;
            double rate = decimal(what, colon < 0 ? budget : budget.substring(0, colon));
            int burst = colon < 0 ? 0 : whole(what + " (burst)", budget.substring(colon + 1), 1, 1_000_000);
            g = g.withUpstreamFor(provider, rate, burst);
        }
        return g;
    }

    private static int whole(String name, String value, int min, int max) {
        try {
            int v = Integer.parseInt(value.trim());
            if (v < min || v > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }

    private static double decimal(String name, String value) {
        try {
            double v = Double.parseDouble(value.trim());
            if (!(v >= 0) || v > 1_000_000) {
                throw new IllegalArgumentException(name + " must be between 0 and 1000000, got " + value.trim());
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number of calls a second, got '" + value + "'");
        }
    }
}
