package io.tally.engagetrack.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * A site. EngageTrack publishes only {@code public_id} (the {@code pk_live_…} tracking key); the other
 * accessors read the usual names and return {@code null} when the server uses others; see {@link #json()}.
 */
public final class Site extends JsonView {
    /** @param json the site object as received */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Site(@Nullable JsonNode json) {
        super(json);
    }

    /** The site id used in paths ({@code id}). */
    public @Nullable String id() {
        return text("id");
    }

    /** The site's public id, {@code pk_live_…}: the key of the ingestion routes. */
    public @Nullable String publicId() {
        return text("public_id");
    }

    /** The domain, e.g. {@code example.com}. */
    public @Nullable String domain() {
        return text("domain");
    }

    /** The display name. */
    public @Nullable String name() {
        return text("name");
    }

    /** The IANA time zone. */
    public @Nullable String timezone() {
        return text("timezone");
    }
}
