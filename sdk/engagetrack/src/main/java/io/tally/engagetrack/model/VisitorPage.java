package io.tally.engagetrack.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a site's visitors, most recently seen first.
 *
 * @param visitors the visitors on this page
 * @param total the number of matching visitors, or {@code null} when the answer does not say
 * @param page the page number (1-based)
 * @param limit the page size
 */
public record VisitorPage(List<Visitor> visitors, @Nullable Long total, int page, int limit) {
    /** Makes the list unmodifiable; {@code null} is empty. */
    public VisitorPage {
        visitors = visitors == null ? List.of() : List.copyOf(visitors);
    }
}
