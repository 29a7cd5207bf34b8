package io.tally.engagetrack.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/** A funnel as the create route answers it (shape not published: presumably the funnel with its id). */
public final class Funnel extends JsonView {
    /** @param json the funnel object as received */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Funnel(@Nullable JsonNode json) {
        super(json);
    }

    /** The funnel id ({@code id}), for {@code analyze}. */
    public @Nullable String id() {
        return text("id");
    }

    /** The funnel's name. */
    public @Nullable String name() {
        return text("name");
    }
}
