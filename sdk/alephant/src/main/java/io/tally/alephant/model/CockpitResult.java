package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The base of Cockpit API results ({@code /api/v1/cockpit/…}, virtual-key views). Cockpit payloads
 * may carry {@code degraded} (the backend could not reach its data) and {@code data_source}, in the
 * payload or next to it in the envelope: {@link #degraded()} and {@link #dataSource()} read both, so
 * a caller can tell "zero" from "unknown" before trusting an empty or zero value.
 */
public abstract class CockpitResult extends AlephantObject {
    private final JsonNode body;

    /**
     * Wraps a whole response body: the payload is its {@code data} when the body is an envelope,
     * else the body itself.
     */
    protected CockpitResult(JsonNode body) {
        super(payloadOf(body));
        this.body = body;
    }

    /** Whether the backend said the result is degraded (data incomplete or unavailable). */
    public final boolean degraded() {
        Boolean inPayload = bool("degraded");
        if (inPayload != null) {
            return inPayload;
        }
        JsonNode top = body == null ? null : body.get("degraded");
        return top != null && (top.asBoolean(false) || "true".equalsIgnoreCase(top.asText()));
    }

    /** Where the numbers came from ({@code data_source}), when the backend said. */
    public final Optional<String> dataSource() {
        String inPayload = text("data_source", "dataSource");
        if (inPayload != null) {
            return Optional.of(inPayload);
        }
        JsonNode top = body == null ? null : body.get("data_source");
        return top == null || top.isNull() ? Optional.<String>empty() : Optional.of(top.asText());
    }

    /** Whether the numbers can be trusted as they are: not degraded. */
    public final boolean isReliable() {
        return !degraded();
    }

    static JsonNode payloadOf(JsonNode body) {
        if (body != null && body.isObject() && body.has("code") && body.has("data")) {
            return body.get("data");
        }
        return body;
    }
}
