package io.tally.hitkeep;

import io.tally.core.spi.ApiRequest;
import io.tally.core.Credentials;
import io.tally.core.spi.ResponseReader;

/**
 * The base of every HitKeep request. Knows which credentials its route accepts ({@link RouteAuth},
 * applied as core's {@code RouteCredentials}): a session-only route called without a session fails
 * before sending with {@link SessionRequiredException}; public and share-token routes send no
 * credentials; token-only routes never send the session cookie, and fail before sending with
 * {@link io.tally.core.CredentialsRequiredException} on a client without a token. Unsafe methods
 * under {@code /api/} carry an {@code Origin} equal to the base URL's origin (HitKeep up to 2.11
 * answers 404 without it) unless the client was built with {@code originHeader(false)}.
 *
 * @param <T> what the request returns
 * @param <R> the concrete request type
 */
public abstract class HitKeepRequest<T, R extends HitKeepRequest<T, R>> extends ApiRequest<T, R> {
    private final RouteAuth auth;
    private final HitKeep client;

    /**
     * A request to {@code pathTemplate} (with <code>{name}</code> placeholders filled from {@code pathValues}) on
     * {@code client}, whose credentials are restricted according to {@code auth}, read by {@code reader}.
     */
    protected HitKeepRequest(HitKeep client, String method, String pathTemplate, RouteAuth auth, Object[] pathValues,
            ResponseReader<T> reader) {
        super(client.context(), method, pathTemplate, pathValues, reader);
        this.client = client;
        this.auth = auth;
        routeCredentials(auth.credentials());
        String origin = client.origin();
        if (origin != null && isUnsafe(method) && pathTemplate.startsWith("/api/") && !isOriginExempt(pathTemplate)) {
            endpointHeader("Origin", origin);
        }
    }

    /** Which credentials this route accepts. */
    public final RouteAuth routeAuth() {
        return auth;
    }

    @Override
    protected final void validate() {
        if (auth == RouteAuth.SESSION_ONLY
                && !client.context().options().credentials().has(Credentials.Kind.SESSION_COOKIE)) {
            throw new SessionRequiredException(method(), pathTemplate());
        }
        validateInputs();
    }

    /** Checks this request's inputs; throws {@link IllegalArgumentException} naming the field. */
    protected void validateInputs() {}

    /** The client this request belongs to. */
    protected final HitKeep client() {
        return client;
    }

    private static boolean isUnsafe(String method) {
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE"));
    }

    private static boolean isOriginExempt(String route) {
        return route.equals("/api/ingest/server/pageview") || route.equals("/api/ingest/server/event")
                || route.equals("/api/sites/{id}/ingest/ai-fetch");
    }
}
