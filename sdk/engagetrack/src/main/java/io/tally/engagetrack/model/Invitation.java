package io.tally.engagetrack.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/** A team invitation as the invite route answers it (shape not published; see {@link #json()}). Expires after 7 days. */
public final class Invitation extends JsonView {
    /** @param json the answer's {@code data} */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Invitation(@Nullable JsonNode json) {
        super(json);
    }

    /** The invited e-mail address, when the answer includes it. */
    public @Nullable String email() {
        return text("email");
    }

    /** The role, when the answer includes it. */
    public @Nullable String role() {
        return text("role");
    }
}
