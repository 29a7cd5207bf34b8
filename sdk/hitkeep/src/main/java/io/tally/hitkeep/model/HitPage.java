package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of raw hits from {@code GET /api/sites/{id}/hits}.
 *
 * @param items the hits on this page (JSON {@code data}); the same name as core's {@code Page.items()}
 * @param total how many hits match the query across all pages
 */
public record HitPage(
        @JsonProperty("data") List<Hit> items,
        long total) {
    /** Copies {@code items} into an unmodifiable list; {@code null} becomes empty. */
    public HitPage {
        items = Immutable.list(items);
    }

    /**
     * The hits on this page.
     *
     * @deprecated every page names its rows {@link #items()}, as core's {@code Page} does; use that
     */
    @Deprecated
    public List<Hit> data() {
        return items;
    }
}
