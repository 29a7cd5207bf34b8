package io.tally.alephant;

import io.tally.core.CredentialsRequiredException;
import io.tally.core.spi.ApiRequest;
import io.tally.core.spi.ResponseReader;

/**
 * The base of every Alephant request. Knows which credentials its route accepts: a workspace route
 * without {@code X-Workspace-Id}, a JWT-only route (PATs, workspaces, logs) on a PAT client, or a
 * Cockpit route without a virtual key fails before sending with a
 * {@link CredentialsRequiredException} that names the credential needed. Then the request's own
 * input checks run ({@link #validateInputs()}); bad input is an {@link IllegalArgumentException}
 * naming the field, and nothing is sent.
 *
 * @param <T> what the request returns
 * @param <R> the concrete request type
 */
public abstract class AlephantRequest<T, R extends AlephantRequest<T, R>> extends ApiRequest<T, R> {
    private final Alephant client;
    private final Access access;

    AlephantRequest(Alephant client, Host host, Access access, String method, String pathTemplate, Object[] pathValues,
            ResponseReader<T> reader) {
        super(client.context(host), method, pathTemplate, pathValues, reader);
        this.client = client;
        this.access = access;
        routeCredentials(access.rule(client.credentialType()));
        if (access != Access.PUBLIC && client.workspaceId() != null
                && client.credentialType() != CredentialType.VIRTUAL_KEY) {
            endpointHeader(Access.WORKSPACE_HEADER, client.workspaceId());
        }
    }

    @Override
    protected final void validate() {
        if (access == Access.JWT_ONLY && client.credentialType() == CredentialType.PAT) {
            throw new CredentialsRequiredException("Alephant " + method() + " " + pathTemplate(),
                    "accepts only a user JWT (Alephant answers a personal access token with 401); build the client with jwt(...)");
        }
        validateInputs();
    }

    /** Checks this request's inputs; throws {@link IllegalArgumentException} naming the field. */
    protected void validateInputs() {}

    /** Where a route lives. */
    enum Host {
        /** {@code /api/v1}: the SaaS API. */
        SAAS,
        /** {@code /api/v1/cockpit}: the SaaS host, bodies read whole for {@code degraded}. */
        COCKPIT,
        /** {@code /v1/analytics}: the Analytics (collector) API host. */
        ANALYTICS
    }
}
