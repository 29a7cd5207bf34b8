package io.tally.core.internal;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Which header names carry secrets. Used for logging, exceptions and {@code toString()}. */
public final class Secrets {
    private static final Set<String> ALWAYS_SECRET = new HashSet<>(Arrays.asList(
            "authorization", "proxy-authorization", "x-api-key", "cookie", "set-cookie"));

    private Secrets() {}

    /** Whether a header's value is secret: a built-in secret name or one of {@code configured} (lower case). */
    public static boolean isSecretHeader(String name, Set<String> configured) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (ALWAYS_SECRET.contains(lower)) {
            return true;
        }
        for (String secret : configured) {
            if (secret.equalsIgnoreCase(lower)) {
                return true;
            }
        }
        return false;
    }
}
