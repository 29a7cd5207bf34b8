package io.tally.hitkeep;

import io.tally.core.TallyException;

/**
 * A session-only route (API-client management, teams, user settings, report subscriptions, site
 * creation…) was called on a client that has only an API token. Thrown before anything is sent:
 * HitKeep would answer 401. Log in with {@code hitkeep.auth().login(email, password)} and use the
 * session client it returns.
 */
public final class SessionRequiredException extends TallyException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception for calling {@code method} on {@code route}, the path template (no ids), whose message
     * says how to get a session.
     */
    public SessionRequiredException(String method, String route) {
        super("HitKeep " + method + " " + route + " needs a dashboard session, and this client has only an API token; "
                + "log in with hitkeep.auth().login(email, password) and call it on the session client it returns");
    }
}
