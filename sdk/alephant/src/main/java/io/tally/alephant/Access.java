package io.tally.alephant;

import io.tally.core.Credentials;
import io.tally.core.spi.RouteCredentials;

/** Which credentials an Alephant route accepts (reference §2.1), applied as core's {@link RouteCredentials}. */
enum Access {
    /** PAT or JWT, with {@code X-Workspace-Id}. */
    WORKSPACE,
    /** A user JWT only, with {@code X-Workspace-Id} (PATs, workspaces, logs). */
    JWT_ONLY,
    /** A virtual key only (Cockpit). */
    VK_ONLY,
    /** A virtual key, or a PAT/JWT with {@code X-Workspace-Id} (the model catalogue, the Analytics API). */
    VK_OR_WORKSPACE,
    /** No credentials (health probes). */
    PUBLIC;

    static final String WORKSPACE_HEADER = "X-Workspace-Id";
    private static final String WORKSPACE_WHAT = "the workspace id; set workspaceId(...) on the builder, or read it from "
            + "cockpit().scope() with a virtual key";

    private static final RouteCredentials PAT_OR_JWT = RouteCredentials.anyOf(
            "a personal access token or a user JWT (a virtual key is refused)",
            "build the client with pat(...) or jwt(...) and workspaceId(...)", Credentials.Kind.BEARER)
            .requireHeader(WORKSPACE_HEADER, WORKSPACE_WHAT);
    private static final RouteCredentials JWT = RouteCredentials.anyOf(
            "only a user JWT (a personal access token or a virtual key is refused)",
            "build the client with jwt(...) and workspaceId(...)", Credentials.Kind.BEARER)
            .requireHeader(WORKSPACE_HEADER, WORKSPACE_WHAT);
    private static final RouteCredentials VK = RouteCredentials.anyOf(
            "only a virtual key (vk-…; a personal access token or a JWT is refused)",
            "build the client with virtualKey(...)", Credentials.Kind.API_KEY);

    /** The rule for a client holding credentials of {@code type}. */
    RouteCredentials rule(CredentialType type) {
        switch (this) {
            case WORKSPACE:
                return PAT_OR_JWT;
            case JWT_ONLY:
                return JWT;
            case VK_ONLY:
                return VK;
            case VK_OR_WORKSPACE:
                return type == CredentialType.VIRTUAL_KEY ? VK : PAT_OR_JWT;
            default:
                return RouteCredentials.none();
        }
    }
}
