package io.tally.engagetrack.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;

/** A funnel as the create route answers it (shape not published: presumably the funnel with its id). */
public final class Funnel extends JsonView {
    /** @param json the funnel object as received */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Funnel(JsonNode json) {
        super(json);
    }

    /** The funnel id ({@code id}), for {@code analyze}. */
    public String id() {
        return text("id");
    }

    /** The funnel's name. */
    public String name() {
        return text("name");
    }
}
