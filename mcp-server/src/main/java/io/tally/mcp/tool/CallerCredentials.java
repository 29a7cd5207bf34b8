package io.tally.mcp.tool;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the caller of one request sent to act on a provider: its bearer token plus the provider headers the
 * provider declared ({@link CallerHeader}, e.g. {@code X-Workspace-Id}). Used for that request only and never
 * shared with another caller. {@link #toString()} shows the token's short hash and the header names, never the
 * token or the header values.
 */
public final class CallerCredentials {
    private final CallerToken token;
    private final Map<String, String> headers;

    private CallerCredentials(CallerToken token, Map<String, String> headers) {
        this.token = token;
        this.headers = headers;
    }

    /**
     * A token with no provider headers.
     *
     * @throws IllegalArgumentException when the token is null or blank
     */
    public static CallerCredentials bearer(String token) {
        return of(CallerToken.of(token), Map.of());
    }

    /**
     * A token with provider headers, keyed by header name (looked up without regard to case).
     *
     * @throws IllegalArgumentException when a header name or value is blank
     */
    public static CallerCredentials of(CallerToken token, Map<String, String> headers) {
        Objects.requireNonNull(token, "token");
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey() == null || e.getKey().trim().isEmpty() || e.getValue() == null
                    || e.getValue().trim().isEmpty()) {
                throw new IllegalArgumentException("caller headers need a name and a value");
            }
            copy.put(e.getKey(), e.getValue());
        }
        return new CallerCredentials(token, Collections.unmodifiableMap(copy));
    }

    /** The bearer token, to hand to a provider client. Never log it. */
    public String token() {
        return token.value();
    }

    /** The token as the HTTP layer keys it (rate limits, session owners). */
    public CallerToken callerToken() {
        return token;
    }

    /** The provider headers the caller sent, by the name the provider declared. */
    public Map<String, String> headers() {
        return headers;
    }

    /** One provider header, looked up without regard to case. */
    public Optional<String> header(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** The first 8 hex characters of the token's SHA-256: enough to tell callers apart in a log. */
    public String shortHash() {
        return token.shortHash();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CallerCredentials other && other.token.equals(token) && other.headers.equals(headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(token, headers);
    }

    @Override
    public String toString() {
        return "CallerCredentials[" + token.shortHash() + (headers.isEmpty() ? "" : ", headers=" + headers.keySet())
                + "]";
    }
}
