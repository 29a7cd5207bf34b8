package io.tally.core;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of environment variables, for the {@code fromEnv()} factories. Tests and
 * applications with their own configuration pass {@link #of(Map)} instead of the process
 * environment.
 */
public final class Environment {
    private static final Environment SYSTEM = new Environment(System.getenv());

    private final Map<String, String> values;

    private Environment(Map<String, String> values) {
        this.values = values;
    }

    /** The process environment. */
    public static Environment system() {
        return SYSTEM;
    }

    /** A fixed set of variables. */
    public static Environment of(Map<String, String> values) {
        return new Environment(Collections.unmodifiableMap(new HashMap<>(values)));
    }

    /** The variable's value, when set and not blank. */
    public Optional<String> get(String name) {
        String v = values.get(name);
        return v == null || v.trim().isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** The variable's value, or an {@link IllegalStateException} that names it. */
    public String require(String name, String whatItIs) {
        return get(name).orElseThrow(() -> new IllegalStateException(
                "environment variable " + name + " is not set; set it to " + whatItIs));
    }

    /** A whole number of seconds, or an error naming the variable. */
    public Optional<Duration> seconds(String name) {
        return get(name).map(v -> {
            try {
                long s = Long.parseLong(v.trim());
                if (s < 0) {
                    throw new NumberFormatException();
                }
                return Duration.ofSeconds(s);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("environment variable " + name
                        + " must be a whole number of seconds, got '" + v + "'");
            }
        });
    }

    /** A whole number, or an error naming the variable. */
    public Optional<Integer> integer(String name) {
        return get(name).map(v -> {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException(
                        "environment variable " + name + " must be a whole number, got '" + v + "'");
            }
        });
    }
}
