package io.tally.alephant;

import io.tally.alephant.AlephantRequest.Host;
import io.tally.alephant.model.AlephantData;

/** Workspaces; a user JWT is the only credential these routes accept (a PAT gets 401). */
public final class Workspaces extends Resource {
    Workspaces(Alephant client) {
        super(client);
    }

    /** {@code GET /api/v1/workspaces}: the workspaces the user belongs to (shape unpublished). */
    public AlephantCall<AlephantData> list() {
        return call(Host.SAAS, Access.JWT_ONLY, "GET", "/api/v1/workspaces", AlephantData::new);
    }

    /** {@code GET /api/v1/workspaces/{id}/stats} (shape unpublished; with a PAT use {@code analytics().overview()}). */
    public AlephantCall<AlephantData> stats(String workspaceId) {
        return call(Host.SAAS, Access.JWT_ONLY, "GET", "/api/v1/workspaces/{id}/stats", AlephantData::new,
                id("workspaceId", workspaceId));
    }
}
