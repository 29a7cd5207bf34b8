package io.tally.engagetrack;

import io.tally.core.spi.ApiRequest;
import io.tally.core.spi.ResponseReader;

/**
 * The base of every EngageTrack request: applies its route's {@link RouteAuth} (a session-only route called
 * with an API key fails before sending) and, for routes under {@code /organizations/{orgId}}, fills the
 * organisation id from the client.
 *
 * @param <T> what the request returns
 * @param <R> the concrete request type
 */
public abstract class EngageTrackRequest<T, R extends EngageTrackRequest<T, R>> extends ApiRequest<T, R> {
    private final RouteAuth auth;

    /**
     * A request to {@code pathTemplate}; a template starting with {@code /organizations/{orgId}} takes the
     * client's organisation id as its first value, before {@code pathValues}.
     *
     * @throws IllegalStateException when the route needs an organisation id and the client has none
     */
    protected EngageTrackRequest(EngageTrack client, String method, String pathTemplate, RouteAuth auth,
            Object[] pathValues, ResponseReader<T> reader) {
        super(client.context(), method, pathTemplate, withOrganization(client, pathTemplate, pathValues), reader);
        this.auth = auth;
        routeCredentials(auth.credentials());
    }

    /** Which credentials this route accepts. */
    public final RouteAuth routeAuth() {
        return auth;
    }

    private static Object[] withOrganization(EngageTrack client, String template, Object[] values) {
        if (!template.startsWith("/organizations/{orgId}")) {
            return values;
        }
        String organizationId = client.organizationId();
        if (organizationId == null) {
            throw new IllegalStateException(
                    "EngageTrack " + template + " needs the organisation id; set organizationId(...)"
                            + " on the builder or ENGAGETRACK_ORG_ID");
        }
        Object[] all = new Object[values.length + 1];
        all[0] = organizationId;
        System.arraycopy(values, 0, all, 1, values.length);
        return all;
    }
}
