package io.tally.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * How a client proves who it is: a bearer token, an API key in a header, a session cookie, or none,
 * plus any extra required headers (such as a workspace id). Immutable; combine with
 * {@link #and(Credentials)} and {@link #withHeader(String, String)}.
 *
 * <p>Values are checked when created: {@code null}, empty, whitespace-only and values with
 * surrounding whitespace each get their own message, naming the field; so do control and non-ASCII
 * characters, which no header can carry. No message and no {@link #toString()} ever shows a secret
 * value.
 *
 * <p>A bearer token may also come from a {@link Supplier} ({@link #bearer(String, Supplier)}), read
 * afresh for every request, so that a rotated token needs no new client.
 */
public final class Credentials {
    /** What kind of credential a part is. */
    public enum Kind {
        /** {@code Authorization: Bearer …}. */
        BEARER,
        /** A key in a named header, such as {@code X-API-Key}. */
        API_KEY,
        /** A session cookie. */
        SESSION_COOKIE,
        /** A non-secret header every request must carry, such as a workspace id. */
        HEADER
    }

    private static final Credentials NONE = new Credentials(Collections.emptyList());

    private final List<Part> parts;

    private Credentials(List<Part> parts) {
        this.parts = Collections.unmodifiableList(parts);
    }

    /** No credentials: for public routes, or when every request sets its own. */
    public static Credentials none() {
        return NONE;
    }

    /** {@code Authorization: Bearer <token>}. */
    public static Credentials bearer(String token) {
        return bearer("token", token);
    }

    /** {@code Authorization: Bearer <token>}; {@code field} names the value in error messages. */
    public static Credentials bearer(String field, String token) {
        return single(new Part(Kind.BEARER, "Authorization", "Bearer " + check(field, token), true));
    }

    /**
     * {@code Authorization: Bearer <token>} with the token read from {@code token} once for every
     * request (each attempt of a retried request sends the same value), so that a rotated token is
     * picked up without building a new client. The supplier must be thread-safe and fast; what it
     * returns is checked like a fixed token, and an invalid value fails that request with an
     * {@link IllegalArgumentException} naming {@code field} before anything is sent.
     *
     * @throws NullPointerException when {@code token} is null
     */
    public static Credentials bearer(String field, Supplier<String> token) {
        java.util.Objects.requireNonNull(token, field + " supplier");
        return single(new Part(Kind.BEARER, "Authorization", field, token));
    }

    /**
     * These credentials as one request sends them: every supplied value ({@link #bearer(String,
     * Supplier)}) read now and checked. Returns this instance when no part is supplied.
     *
     * @throws IllegalArgumentException when a supplier returns an invalid value, naming its field
     */
    public Credentials resolve() {
        boolean supplied = false;
        for (Part p : parts) {
            supplied |= p.source != null;
        }
        if (!supplied) {
            return this;
        }
        List<Part> resolved = new ArrayList<>(parts.size());
        for (Part p : parts) {
            resolved.add(p.source == null ? p : p.resolved());
        }
        return new Credentials(resolved);
    }

    /** An API key sent in the named header, e.g. {@code apiKey("X-API-Key", key)}. */
    public static Credentials apiKey(String headerName, String key) {
        return apiKey("apiKey", headerName, key);
    }

    /** An API key sent in the named header; {@code field} names the value in error messages. */
    public static Credentials apiKey(String field, String headerName, String key) {
        return single(new Part(Kind.API_KEY, checkName(headerName), check(field, key), true));
    }

    /** A session cookie, e.g. {@code sessionCookie("hk_token", jwt)}. */
    public static Credentials sessionCookie(String cookieName, String value) {
        return single(new Part(Kind.SESSION_COOKIE, checkName(cookieName),
                check(cookieName + " cookie", value), true));
    }

    /** These credentials plus a non-secret header every request must carry. */
    public Credentials withHeader(String name, String value) {
        return and(single(new Part(Kind.HEADER, checkName(name), check(name, value), false)));
    }

    /** These credentials plus a header whose value is secret (redacted wherever it could show). */
    public Credentials withSecretHeader(String name, String value) {
        return and(single(new Part(Kind.API_KEY, checkName(name), check(name, value), true)));
    }

    /**
     * Both sets of credentials. A part of {@code other} replaces a part of this one with the same
     * header or cookie name.
     */
    public Credentials and(Credentials other) {
        List<Part> merged = new ArrayList<>();
        for (Part p : parts) {
            boolean replaced = false;
            for (Part q : other.parts) {
                if (p.sameTarget(q)) {
                    replaced = true;
                    break;
                }
            }
            if (!replaced) {
                merged.add(p);
            }
        }
        merged.addAll(other.parts);
        return new Credentials(merged);
    }

    /** These credentials without any part of the given kind. */
    public Credentials without(Kind kind) {
        List<Part> kept = new ArrayList<>();
        for (Part p : parts) {
            if (p.kind != kind) {
                kept.add(p);
            }
        }
        return new Credentials(kept);
    }

    /**
     * Whether a part sends the header {@code name} (any case): an API key's or a plain header's
     * name, {@code Authorization} for a bearer token; cookies are not headers here.
     */
    public boolean sendsHeader(String name) {
        for (Part p : parts) {
            if (p.kind != Kind.SESSION_COOKIE && p.name.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any part is of the given kind. */
    public boolean has(Kind kind) {
        for (Part p : parts) {
            if (p.kind == kind) {
                return true;
            }
        }
        return false;
    }

    /** Whether there is nothing to send. */
    public boolean isNone() {
        return parts.isEmpty();
    }

    /** Names of the headers whose values are secret, for redaction. */
    public Set<String> secretHeaderNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Part p : parts) {
            if (p.secret && p.kind != Kind.SESSION_COOKIE) {
                names.add(p.name.toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /**
     * The secret values themselves (a bearer token without its {@code Bearer} prefix, keys, cookie
     * values), so that the transport can scrub them from text a server quotes back. Never exposed.
     */
    public List<String> secretValues() {
        List<String> values = new ArrayList<>();
        for (Part p : resolve().parts) {
            if (p.secret) {
                // a key sent as "Authorization: Bearer <key>" under another kind (EngageTrack's API keys) is
                // scrubbed without its prefix too
                boolean bearerValue = (p.kind == Kind.BEARER || p.name.equalsIgnoreCase("Authorization"))
                        && p.value.startsWith("Bearer ");
                values.add(bearerValue ? p.value.substring(7) : p.value);
            }
        }
        return values;
    }

    /** Applies the credentials to an outgoing request. */
    public void applyTo(HeaderSink sink) {
        StringBuilder cookies = new StringBuilder();
        for (Part p : resolve().parts) {
            if (p.kind == Kind.SESSION_COOKIE) {
                if (cookies.length() > 0) {
                    cookies.append("; ");
                }
                cookies.append(p.name).append('=').append(p.value);
            } else {
                sink.set(p.name, p.value);
            }
        }
        if (cookies.length() > 0) {
            sink.set("Cookie", cookies.toString());
        }
    }

    /** Receives headers from {@link #applyTo}. */
    public interface HeaderSink {
        /** Sets header {@code name} to {@code value} on the request being built. */
        void set(String name, String value);
    }

    @Override
    public String toString() {
        if (parts.isEmpty()) {
            return "Credentials[none]";
        }
        StringBuilder sb = new StringBuilder("Credentials[");
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(p.kind.name().toLowerCase(Locale.ROOT)).append(' ').append(p.name).append('=')
                    .append(p.secret ? HttpHeaders.REDACTED : p.value);
        }
        return sb.append(']').toString();
    }

    private static Credentials single(Part part) {
        List<Part> list = new ArrayList<>(1);
        list.add(part);
        return new Credentials(list);
    }

    /**
     * Checks a credential value, with a message for each way it can be wrong. The value itself is
     * never part of the message.
     */
    static String check(String field, String value) {
        if (value == null) {
            throw new IllegalArgumentException(
                    field + " is missing (null); set it to the credential issued by the provider");
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field + " is empty; set it to the credential issued by the provider");
        }
        if (value.trim().isEmpty()) {
            throw new IllegalArgumentException(
                    field + " contains only whitespace; set it to the credential issued by the provider");
        }
        if (!value.equals(value.trim())) {
            throw new IllegalArgumentException(
                    field + " has leading or trailing whitespace; remove it (a copy-paste slip?)");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException(field + " contains a control character at index " + i
                        + "; a header value cannot carry it");
            }
            if (c > 0x7e) {
                // refused here rather than by OkHttp at send time, whose message would quote the value
                throw new IllegalArgumentException(field + " contains a non-ASCII character at index " + i
                        + "; a header value cannot carry it (was the credential copied with typographic quotes?)");
            }
        }
        return value;
    }

    private static String checkName(String name) {
        if (name == null || name.trim().isEmpty()) {
            throw new IllegalArgumentException("header or cookie name must not be null or blank");
        }
        return name;
    }

    private static final class Part {
        final Kind kind;
        final String name;
        final String value;
        final boolean secret;
        /** Where a supplied value comes from, or {@code null} for a fixed value. */
        final @Nullable Supplier<String> source;
        final String field;

        Part(Kind kind, String name, String value, boolean secret) {
            this.kind = kind;
            this.name = name;
            this.value = value;
            this.secret = secret;
            this.source = null;
            this.field = name;
        }

        Part(Kind kind, String name, String field, Supplier<String> source) {
            this.kind = kind;
            this.name = name;
            this.value = ""; // never read: a supplied part is resolved() before it is applied
            this.secret = true;
            this.source = source;
            this.field = field;
        }

        Part resolved() {
            Supplier<String> from = source;
            if (from == null) {
                return this;
            }
            String token = check(field, from.get());
            return new Part(kind, name, kind == Kind.BEARER ? "Bearer " + token : token, true);
        }

        boolean sameTarget(Part other) {
            boolean cookie = kind == Kind.SESSION_COOKIE;
            return cookie == (other.kind == Kind.SESSION_COOKIE) && name.equalsIgnoreCase(other.name);
        }
    }
}
