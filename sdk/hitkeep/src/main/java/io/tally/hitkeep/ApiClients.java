package io.tally.hitkeep;

import io.tally.core.spi.ResponseReader;
import io.tally.hitkeep.model.ApiClient;
import io.tally.hitkeep.model.ApiClientCreated;
import io.tally.hitkeep.model.ApiClientInput;
import java.util.List;
import java.util.Objects;

/**
 * API clients — the tokens other programs use — of the signed-in user ({@code /api/user/api-clients}) and of
 * teams ({@code /api/user/teams/{id}/api-clients}, which needs the team capability
 * {@code team.manage_api_clients}). <b>Session only</b>: no token can manage tokens, so call these on the
 * client from {@code auth().login(…)}.
 *
 * <pre>{@code
 * ApiClientCreated created = dashboard.apiClients().create(ApiClientInput.builder("nightly export")
 *     .siteRole(siteId, SiteRole.VIEWER).build()).execute();
 * HitKeep exporter = hitkeep.withToken(created.token());   // shown only once
 * }</pre>
 *
 * <p>A team client has no user, so it gets 401 on the token-capable routes that also need a user id (site
 * stats, hits and exports, among others; HitKeep reference §2.6): use a personal client there.
 */
public final class ApiClients {
    private final HitKeep client;

    ApiClients(HitKeep client) {
        this.client = client;
    }

    /** The signed-in user's personal API clients ({@code GET /api/user/api-clients}). */
    public HitKeepCall<List<ApiClient>> list() {
        return call("GET", "/api/user/api-clients", client.context().listOf(ApiClient.class));
    }

    /**
     * Creates a personal API client ({@code POST /api/user/api-clients}, 201); the token in the answer is shown
     * only once. The instance role defaults to {@code user}.
     *
     * @throws IllegalArgumentException when {@code input} sets {@code revoked}, which only updates take
     */
    public HitKeepCall<ApiClientCreated> create(ApiClientInput input) {
        checkNotRevokedOnCreate(input);
        return call("POST", "/api/user/api-clients", client.context().json(ApiClientCreated.class)).body(input);
    }

    /**
     * Replaces a personal API client's settings ({@code PUT /api/user/api-clients/{id}}); clears the token cache,
     * so changes apply at once.
     *
     * @throws IllegalArgumentException when {@code input} has no instance role, which HitKeep requires here
     */
    public HitKeepCall<ApiClient> update(String clientId, ApiClientInput input) {
        Objects.requireNonNull(input, "input");
        if (input.instanceRole() == null) {
            throw new IllegalArgumentException("instanceRole is required when updating a personal API client "
                    + "(owner, admin or user; at most your own role)");
        }
        return call("PUT", "/api/user/api-clients/{id}", client.context().json(ApiClient.class),
                Inputs.id("clientId", clientId))
                .body(input);
    }

    /** Deletes a personal API client; its token stops working ({@code DELETE /api/user/api-clients/{id}}, 204). */
    public HitKeepCall<Void> delete(String clientId) {
        return call("DELETE", "/api/user/api-clients/{id}", ResponseReader.discard(), Inputs.id("clientId", clientId));
    }

    /**
     * Issues a new token for a personal API client and revokes the old one at once, keeping the grants
     * ({@code POST /api/user/api-clients/{id}/rotate}); 409 when the client is revoked or expired.
     */
    public HitKeepCall<ApiClientCreated> rotate(String clientId) {
        return call("POST", "/api/user/api-clients/{id}/rotate", client.context().json(ApiClientCreated.class),
                Inputs.id("clientId", clientId));
    }

    /** A team's API clients ({@code GET /api/user/teams/{id}/api-clients}); needs {@code team.manage_api_clients}. */
    public HitKeepCall<List<ApiClient>> listForTeam(String teamId) {
        return call("GET", "/api/user/teams/{id}/api-clients", client.context().listOf(ApiClient.class),
                Inputs.id("teamId", teamId));
    }

    /**
     * Creates a team API client ({@code POST /api/user/teams/{id}/api-clients}, 201); grants are limited to the
     * team's sites. Needs {@code team.manage_api_clients}.
     *
     * @throws IllegalArgumentException when {@code input} sets an instance role or {@code revoked}
     */
    public HitKeepCall<ApiClientCreated> createForTeam(String teamId, ApiClientInput input) {
        checkNoInstanceRole(input);
        checkNotRevokedOnCreate(input);
        return call("POST", "/api/user/teams/{id}/api-clients", client.context().json(ApiClientCreated.class),
                Inputs.id("teamId", teamId)).body(input);
    }

    /**
     * Replaces a team API client's settings ({@code PUT /api/user/teams/{id}/api-clients/{clientId}}). Needs
     * {@code team.manage_api_clients}.
     *
     * @throws IllegalArgumentException when {@code input} sets an instance role
     */
    public HitKeepCall<ApiClient> updateForTeam(String teamId, String clientId, ApiClientInput input) {
        checkNoInstanceRole(input);
        return call("PUT", "/api/user/teams/{id}/api-clients/{clientId}", client.context().json(ApiClient.class),
                Inputs.id("teamId", teamId), Inputs.id("clientId", clientId)).body(input);
    }

    /** Deletes a team API client ({@code DELETE /api/user/teams/{id}/api-clients/{clientId}}, 204). */
    public HitKeepCall<Void> deleteForTeam(String teamId, String clientId) {
        return call("DELETE", "/api/user/teams/{id}/api-clients/{clientId}", ResponseReader.discard(),
                Inputs.id("teamId", teamId), Inputs.id("clientId", clientId));
    }

    /** Rotates a team API client's token ({@code POST /api/user/teams/{id}/api-clients/{clientId}/rotate}). */
    public HitKeepCall<ApiClientCreated> rotateForTeam(String teamId, String clientId) {
        return call("POST", "/api/user/teams/{id}/api-clients/{clientId}/rotate",
                client.context().json(ApiClientCreated.class),
                Inputs.id("teamId", teamId), Inputs.id("clientId", clientId));
    }

    private static void checkNoInstanceRole(ApiClientInput input) {
        Objects.requireNonNull(input, "input");
        if (input.instanceRole() != null) {
            throw new IllegalArgumentException(
                    "instanceRole must not be set for a team API client (team clients are always 'user')");
        }
    }

    private static void checkNotRevokedOnCreate(ApiClientInput input) {
        Objects.requireNonNull(input, "input");
        if (input.revoked() != null) {
            throw new IllegalArgumentException(
                    "revoked applies only to updates; leave it unset when creating an API client");
        }
    }

    private <T> HitKeepCall<T> call(String method, String route, ResponseReader<T> reader, Object... path) {
        return new HitKeepCall<>(client, method, route, RouteAuth.SESSION_ONLY, path, reader);
    }
}
