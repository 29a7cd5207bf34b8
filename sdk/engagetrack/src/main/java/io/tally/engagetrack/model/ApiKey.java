package io.tally.engagetrack.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import io.tally.engagetrack.Scope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An API key as the list route shows it: name, scopes, creation, expiry and a masked preview (last 4
 * characters). The field names are not published; the accessors read the usual ones.
 */
public final class ApiKey extends JsonView {
    /** @param json the key object as received */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ApiKey(@Nullable JsonNode json) {
        super(json);
    }

    /** The key's id, for {@code revoke}. */
    public @Nullable String id() {
        return text("id");
    }

    /** The key's name. */
    public @Nullable String name() {
        return text("name");
    }

    /** The key's scopes. */
    public List<Scope> scopes() {
        List<Scope> scopes = new ArrayList<>();
        node().path("scopes").forEach(s -> {
            if (s.isTextual()) {
                scopes.add(Scope.of(s.asText()));
            }
        });
        return Collections.unmodifiableList(scopes);
    }

    /** When it expires (RFC 3339, as sent), or {@code null}. */
    public @Nullable String expiresAt() {
        return text("expires_at");
    }
}
