package io.tally.core;

/**
 * A route was called without the credentials or headers it needs, so nothing was sent: for
 * example a token-only route on a client that has only a session, or a workspace route without
 * its {@code X-Workspace-Id}. The message names the route, what it needs and how to provide it.
 */
public class CredentialsRequiredException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** The route, e.g. {@code HitKeep POST /api/ingest/server/pageview}. */
    private final String route;

    /**
     * @param route   the provider, method and route template that was called
     * @param message what the route needs and how to provide it, after the route
     */
    public CredentialsRequiredException(String route, String message) {
        super(route + " " + message);
        this.route = route;
    }

    /** The provider, method and route template that was called. */
    public String route() {
        return route;
    }
}
