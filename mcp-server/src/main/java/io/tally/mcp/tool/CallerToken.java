package io.tally.mcp.tool;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The API token of the caller of one request. It is used for that request only and never shared with another
 * caller; {@link #toString()} and logs show only {@link #shortHash()}.
 */
public final class CallerToken {
    private final String token;
    private final String hash;

    private CallerToken(String token) {
        this.token = token;
        this.hash = sha256Hex(token);
    }

    /**
     * Wraps a token.
     *
     * @throws IllegalArgumentException when the token is null or blank
     */
    public static CallerToken of(String token) {
        if (token == null || token.trim().isEmpty()) {
            throw new IllegalArgumentException("token must not be null or blank");
        }
        return new CallerToken(token);
    }

    /** The token itself, to hand to a provider client. Never log it. */
    public String value() {
        return token;
    }

    /** The SHA-256 of the token in hex: a key for rate limits and session bindings that is not the token. */
    public String hash() {
        return hash;
    }

    /** The first 8 characters of {@link #hash()}: enough to tell callers apart in a log. */
    public String shortHash() {
        return hash.substring(0, 8);
    }

    /** SHA-256 of a string, in lower-case hex. */
    public static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(64);
            for (byte b : digest) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CallerToken other && other.hash.equals(hash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hash);
    }

    @Override
    public String toString() {
        return "CallerToken[" + shortHash() + "]";
    }
}
