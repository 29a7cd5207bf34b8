package io.tally.hitkeep.model;

import java.util.List;

/**
 * One page of raw hits from {@code GET /api/sites/{id}/hits}.
 *
 * @param data the hits on this page
 * @param total how many hits match the query across all pages
 */
public record HitPage(
        List<Hit> data,
        long total) {
    /** Copies {@code data} into an unmodifiable list; {@code null} becomes empty. */
    public HitPage {
        data = Immutable.list(data);
    }
}
