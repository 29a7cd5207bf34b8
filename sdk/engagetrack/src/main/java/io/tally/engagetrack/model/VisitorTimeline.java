package io.tally.engagetrack.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A visitor's profile and one page of their chronological timeline. Personal data (see {@link Visitor}).
 *
 * @param visitor the profile
 * @param timeline the events on this page
 * @param total the number of events, or {@code null} when the answer does not say
 * @param page the page number (1-based)
 * @param limit the page size
 */
public record VisitorTimeline(Visitor visitor, List<TimelineEvent> timeline, @Nullable Long total, int page,
        int limit) {
    /** Makes the list unmodifiable; {@code null} is empty. */
    public VisitorTimeline {
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }
}
