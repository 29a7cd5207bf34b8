package io.tally.hitkeep;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.core.spi.ResponseReader;
import io.tally.hitkeep.model.OpenApiVersions;
import io.tally.hitkeep.model.SystemStatus;

/**
 * The instance's public routes: version and setup status, health probes and the OpenAPI documents. None
 * needs credentials and none sends any.
 *
 * <pre>{@code
 * SystemStatus status = hitkeep.server().status().execute();
 * System.out.println("HitKeep " + status.version());
 * }</pre>
 */
public final class Server {
    private final HitKeep client;

    Server(HitKeep client) {
        this.client = client;
    }

    /** The HitKeep version and whether first-run setup is open ({@code GET /api/status}). */
    public HitKeepCall<SystemStatus> status() {
        return call("/api/status", client.context().json(SystemStatus.class));
    }

    /**
     * The instance's OpenAPI 3.1 document as a JSON tree ({@code GET /api/docs/v1/openapi.json}). Its
     * {@code servers[0].url} is the instance's public URL.
     */
    public HitKeepCall<JsonNode> openApiDocument() {
        return call("/api/docs/v1/openapi.json", client.context().json(JsonNode.class));
    }

    /** The OpenAPI document versions the instance serves ({@code GET /api/docs/versions}). */
    public HitKeepCall<OpenApiVersions> openApiVersions() {
        return call("/api/docs/versions", client.context().json(OpenApiVersions.class));
    }

    /**
     * The liveness probe ({@code GET /healthz}): the body, {@code OK}, when the process serves requests. A
     * failing instance answers 5xx, which surfaces as {@link io.tally.core.ServerException}.
     */
    public HitKeepCall<String> health() {
        return call("/healthz", trimmedText());
    }

    /**
     * The readiness probe ({@code GET /readyz}): the body, {@code Ready}, when the instance can take
     * traffic; 503 (a {@link io.tally.core.ServerException}) while it starts or when storage is unavailable.
     */
    public HitKeepCall<String> readiness() {
        return call("/readyz", trimmedText());
    }

    private static ResponseReader<String> trimmedText() {
        return response -> response.text().trim();
    }

    private <T> HitKeepCall<T> call(String route, ResponseReader<T> reader) {
        return new HitKeepCall<>(client, "GET", route, RouteAuth.PUBLIC, new Object[0], reader);
    }
}
