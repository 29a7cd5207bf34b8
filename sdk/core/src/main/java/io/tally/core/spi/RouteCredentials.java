package io.tally.core.spi;

import io.tally.core.Credentials;
import io.tally.core.CredentialsRequiredException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which credentials one route accepts (an API token, a session, none) and which other headers it
 * needs (a workspace id): checked before a request is sent, so that a caller learns what is missing
 * from a clear {@link CredentialsRequiredException} rather than from a 401, and credentials of other
 * kinds are not sent to a route that would refuse or ignore them.
 *
 * <pre>{@code
 * // Alephant: a PAT or JWT plus the workspace header
 * RouteCredentials.anyOf("a personal access token or a session", "build the client with apiToken(...)",
 *         Credentials.Kind.BEARER)
 *     .requireHeader("X-Workspace-Id", "the workspace id; set workspaceId(...) on the client");
 * }</pre>
 *
 * <p>A request object applies its rule with {@code ApiRequest.routeCredentials(rule)}. Credentials
 * given for one request ({@code RequestOptions.credentials}) are filtered by the rule too, except on
 * a {@link #none()} route, where they are sent as given. Immutable.
 */
public final class RouteCredentials {
    private static final RouteCredentials AS_CONFIGURED = new RouteCredentials(null, null, null,
            Collections.emptyMap());
    private static final RouteCredentials NONE = new RouteCredentials(EnumSet.noneOf(Credentials.Kind.class), null,
            null,
            Collections.emptyMap());

    /** The kinds sent; {@code null} means every kind, unchecked. */
    private static final Credentials.Kind[] KINDS = Credentials.Kind.values();

    private final @Nullable Set<Credentials.Kind> accepted;
    private final @Nullable String description;
    private final @Nullable String remedy;
    private final Map<String, String> requiredHeaders;

    private RouteCredentials(@Nullable Set<Credentials.Kind> accepted, @Nullable String description,
            @Nullable String remedy,
            Map<String, String> requiredHeaders) {
        this.accepted = accepted == null ? null : Collections.unmodifiableSet(accepted);
        this.description = description;
        this.remedy = remedy;
        this.requiredHeaders = Collections.unmodifiableMap(requiredHeaders);
    }

    /** The client's credentials, whatever they are, and no check: the route decides. */
    public static RouteCredentials asConfigured() {
        return AS_CONFIGURED;
    }

    /** A public route: no credentials are sent (unless a request names its own). */
    public static RouteCredentials none() {
        return NONE;
    }

    /**
     * A route that accepts only credentials of these kinds: the others are not sent, and a client
     * with none of them fails before sending. Non-secret headers ({@link Credentials.Kind#HEADER})
     * are always sent.
     *
     * @param description what the route accepts, for the message, e.g. {@code only an API-client token}
     * @param remedy      how to provide it, e.g. {@code build the client with apiToken(...)}
     * @param kinds       the accepted kinds, at least one
     */
    public static RouteCredentials anyOf(String description, String remedy, Credentials.Kind... kinds) {
        if (kinds.length == 0) {
            throw new IllegalArgumentException(
                    "kinds must name at least one credential kind; use none() for a public route");
        }
        return new RouteCredentials(EnumSet.copyOf(Arrays.asList(kinds)),
                Objects.requireNonNull(description, "description"),
                Objects.requireNonNull(remedy, "remedy"), Collections.emptyMap());
    }

    /**
     * This rule, plus a header every request to the route must carry (from the client's default
     * headers, its credentials, the endpoint or the request's options), such as Alephant's
     * {@code X-Workspace-Id}.
     *
     * @param name the header's name
     * @param what what it holds and how to set it, for the message
     */
    public RouteCredentials requireHeader(String name, String what) {
        Map<String, String> headers = new LinkedHashMap<>(requiredHeaders);
        headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(what, "what"));
        return new RouteCredentials(copyOf(accepted), description, remedy, headers);
    }

    /** Whether the route sends no credentials. */
    public boolean isPublic() {
        return accepted != null && accepted.isEmpty();
    }

    /** The accepted credential kinds; every kind when the rule is {@link #asConfigured()}. */
    public Set<Credentials.Kind> acceptedKinds() {
        return accepted == null ? EnumSet.allOf(Credentials.Kind.class) : accepted;
    }

    /** The headers the route needs besides credentials, by name. */
    public Set<String> requiredHeaders() {
        return requiredHeaders.keySet();
    }

    /**
     * The credentials to send: {@code explicit} (one request's own, may be {@code null}) or else the
     * client's, keeping only the accepted kinds.
     */
    public Credentials select(@Nullable Credentials explicit, Credentials client) {
        if (isPublic()) {
            return explicit != null ? explicit : Credentials.none();
        }
        Credentials c = explicit != null ? explicit : client;
        if (accepted == null) {
            return c;
        }
        for (Credentials.Kind kind : KINDS) {
            // the same instance when nothing is dropped: the transport then keeps the client's redactor
            if (kind != Credentials.Kind.HEADER && !accepted.contains(kind) && c.has(kind)) {
                c = c.without(kind);
            }
        }
        return c;
    }

    /**
     * Checks that {@code credentials} (as {@link #select} chose them) hold an accepted kind and
     * that every required header is present in one of {@code headerSources} or the credentials.
     *
     * @param route the provider, method and route template, for the message
     * @throws CredentialsRequiredException naming what is missing; nothing has been sent
     */
    @SafeVarargs
    public final void check(String route, Credentials credentials, Map<String, String>... headerSources) {
        if (accepted != null && !accepted.isEmpty()) {
            boolean found = false;
            for (Credentials.Kind kind : accepted) {
                found |= credentials.has(kind);
            }
            if (!found) {
                throw new CredentialsRequiredException(route, "accepts " + description + "; " + remedy);
            }
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> header : requiredHeaders.entrySet()) {
            if (!present(header.getKey(), credentials, headerSources)) {
                missing.add("the " + header.getKey() + " header (" + header.getValue() + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new CredentialsRequiredException(route, "needs " + String.join(" and ", missing));
        }
    }

    @Override
    public String toString() {
        String kinds = accepted == null ? "as configured" : accepted.isEmpty() ? "none" : accepted.toString();
        return "RouteCredentials[" + kinds + (requiredHeaders.isEmpty() ? "" : ", headers " + requiredHeaders.keySet())
                + "]";
    }

    @SafeVarargs
    private static boolean present(String name, Credentials credentials, Map<String, String>... sources) {
        if (credentials.sendsHeader(name)) {
            return true;
        }
        for (Map<String, String> source : sources) {
            for (Map.Entry<String, String> e : source.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && e.getValue() != null && !e.getValue().trim().isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static @Nullable Set<Credentials.Kind> copyOf(@Nullable Set<Credentials.Kind> kinds) {
        if (kinds == null) {
            return null;
        }
        return kinds.isEmpty() ? EnumSet.noneOf(Credentials.Kind.class) : EnumSet.copyOf(kinds);
    }
}
