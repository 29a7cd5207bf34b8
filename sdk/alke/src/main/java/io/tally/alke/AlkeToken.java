package io.tally.alke;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.core.Credentials;
import io.tally.core.json.TallyJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An Alke API token: a JWT from a service account or a personal profile, valid for one year and shown only once.
 * Checked when created; its {@code exp} claim, when present, is read (the signature is not verified: only Alke can)
 * so that the client can warn before the token expires and explain a 401 after it did.
 *
 * <p>What is checked: the value must be sendable as a header (not blank, no surrounding whitespace, no control or
 * non-ASCII characters), and a value in JWT form (dot-separated parts) must have exactly three parts whose first two
 * are base64url-encoded JSON objects, which catches a token cut off when copied. Alke documents its tokens as JWTs,
 * but whether they carry {@code exp} is not documented, so a token without it is accepted (no expiry warning then),
 * and so is a value without any dot, treated as opaque rather than refusing a format Tally cannot know is wrong.
 *
 * <p>{@link #toString()} never shows the token.
 */
public final class AlkeToken {
    private final AlkeTokenKind kind;
    private final String value;
    private final @Nullable Instant expiresAt;

    private AlkeToken(AlkeTokenKind kind, String value, @Nullable Instant expiresAt) {
        this.kind = kind;
        this.value = value;
        this.expiresAt = expiresAt;
    }

    /**
     * A service account's token (Alke dashboard → key icon → Service Accounts → Renew token).
     *
     * @throws IllegalArgumentException naming {@code serviceAccountToken} when the value is not a usable token
     */
    public static AlkeToken serviceAccount(String jwt) {
        return of(AlkeTokenKind.SERVICE_ACCOUNT, jwt);
    }

    /**
     * A personal token (avatar → Profile → API Token → Regenerate token).
     *
     * @throws IllegalArgumentException naming {@code personalToken} when the value is not a usable token
     */
    public static AlkeToken personal(String jwt) {
        return of(AlkeTokenKind.PERSONAL, jwt);
    }

    /**
     * A token of the given kind.
     *
     * @throws IllegalArgumentException naming the field ({@code serviceAccountToken} or {@code personalToken})
     *     when the value is not a usable token
     */
    public static AlkeToken of(AlkeTokenKind kind, String jwt) {
        Objects.requireNonNull(kind, "kind");
        String field = kind == AlkeTokenKind.SERVICE_ACCOUNT ? "serviceAccountToken" : "personalToken";
        Credentials.bearer(field, jwt); // header-value checks, with messages that never quote the value
        return new AlkeToken(kind, jwt, expiryOf(field, jwt));
    }

    /** Which kind of account the token belongs to. */
    public AlkeTokenKind kind() {
        return kind;
    }

    /** When the token expires, from its {@code exp} claim; empty when it carries none. */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /** Whether the token's {@code exp} is at or before {@code now}; {@code false} when it carries no {@code exp}. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    /** The token itself, for the Authorization header only. */
    String value() {
        return value;
    }

    /** Kind and expiry, never the token. */
    @Override
    public String toString() {
        return "AlkeToken[" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (expiresAt != null ? ", expires " + expiresAt : ", no exp claim") + ", value=***]";
    }

    private static @Nullable Instant expiryOf(String field, String jwt) {
        int dots = 0;
        for (int i = 0; i < jwt.length(); i++) {
            if (jwt.charAt(i) == '.') {
                dots++;
            }
        }
        if (dots == 0) {
            return null;
        }
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException(field + " is not a JWT: expected three dot-separated parts, found "
                    + parts.length + "; copy the whole token Alke showed");
        }
        decodeObject(field, "header", parts[0]);
        JsonNode claims = decodeObject(field, "claims", parts[1]);
        JsonNode exp = claims.get("exp");
        if (exp == null || exp.isNull()) {
            return null;
        }
        if (!exp.isNumber() && !(exp.isTextual() && exp.asText().matches("\\d{1,12}"))) {
            throw new IllegalArgumentException(field + " has an exp claim that is not a number of seconds; "
                    + "is it an Alke token?");
        }
        return Instant.ofEpochSecond(exp.asLong());
    }

    private static JsonNode decodeObject(String field, String part, String encoded) {
        JsonNode node;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(encoded);
            node = TallyJson.readTreeOrNull(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(field + " looks like a JWT but its " + part
                    + " part is not base64url-encoded JSON; was the token cut off when copied?");
        }
        return node;
    }
}
