package io.tally.engagetrack.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * A newly created API key. {@link #key()} is the full key, shown <b>only this once</b>: store it now. Neither
 * {@link #toString()} nor {@link #json()} shows it.
 */
public final class CreatedApiKey extends JsonView {
    private final @Nullable String key;

    /** @param json the created key as received */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CreatedApiKey(@Nullable JsonNode json) {
        super(withoutKey(json));
        this.key = json == null || !json.path("key").isTextual() ? null : json.get("key").asText();
    }

    /** The full key ({@code et_live_…}); the only time EngageTrack returns it. */
    public @Nullable String key() {
        return key;
    }

    /** The key's id, for {@code revoke}. */
    public @Nullable String id() {
        return text("id");
    }

    /** The key's name. */
    public @Nullable String name() {
        return text("name");
    }

    private static @Nullable JsonNode withoutKey(@Nullable JsonNode json) {
        if (json instanceof ObjectNode && json.has("key")) {
            ObjectNode copy = ((ObjectNode) json).deepCopy();
            copy.put("key", "[redacted]");
            return copy;
        }
        return json;
    }
}
