package io.tally.engagetrack;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.engagetrack.model.ApiKey;
import io.tally.engagetrack.model.ApiKeyInput;
import io.tally.engagetrack.model.CreatedApiKey;
import java.util.List;
import java.util.Objects;

/**
 * The organisation's API keys: session token only (API keys are refused before sending). Keys need the
 * Startup plan or higher: on the Maker plan, creating one fails with
 * {@link io.tally.core.PaymentRequiredException}.
 */
public final class ApiKeys {
    private final EngageTrack client;

    ApiKeys(EngageTrack client) {
        this.client = client;
    }

    /** {@code POST /organizations/{orgId}/api-keys}: creates a key; {@link CreatedApiKey#key()} is shown only now. */
    public EngageTrackCall<CreatedApiKey> create(ApiKeyInput key) {
        Objects.requireNonNull(key, "key");
        return new EngageTrackCall<>(client, "POST", "/organizations/{orgId}/api-keys", RouteAuth.SESSION_ONLY,
                client.context().json(CreatedApiKey.class)).body(key);
    }

    /** {@code GET /organizations/{orgId}/api-keys}: the keys, each with a masked preview. */
    public EngageTrackCall<List<ApiKey>> list() {
        return new EngageTrackCall<>(client, "GET", "/organizations/{orgId}/api-keys", RouteAuth.SESSION_ONLY,
                response -> Readers.list(response.mapper(),
                        Readers.items(response.requiredJson(response.mapper().constructType(JsonNode.class)),
                                "api_keys"),
                        ApiKey.class));
    }

    /** {@code DELETE /organizations/{orgId}/api-keys/{keyId}}: revokes a key at once and for good. */
    public EngageTrackCall<Void> revoke(String keyId) {
        return new EngageTrackCall<>(client, "DELETE", "/organizations/{orgId}/api-keys/{keyId}",
                RouteAuth.SESSION_ONLY,
                Readers.accepted(), keyId);
    }
}
