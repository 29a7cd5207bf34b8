package io.tally.hitkeep.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A change notification from a site's realtime stream ({@code GET /api/sites/{id}/realtime}). It says that
 * data changed, never what the data is: reload the views of the listed {@link #kinds()}. An
 * {@link RealtimeEventType#ANALYTICS_RESYNC} event means events were missed: reload everything.
 *
 * @param id          the event id ({@code id:} line), monotonically increasing; {@code null} if the server sent none
 * @param type        the event name ({@code event:} line)
 * @param siteId      the site whose data changed
 * @param kinds       what changed: {@code hits}, {@code events}, {@code ecommerce}, {@code web_vitals},
 *                    {@code ai_fetch}, {@code imports}, {@code goals}, {@code funnels}, {@code opportunities}
 * @param changedAt   when the change happened
 * @param bucketStart the start of the minute bucket the change falls into
 * @param counts      how many records arrived, by kind (empty on resync)
 * @param data        the raw {@code data:} payload, for event types this SDK does not know
 */
public record RealtimeEvent(@Nullable String id, RealtimeEventType type, @Nullable String siteId, List<String> kinds,
        @Nullable Instant changedAt, @Nullable Instant bucketStart, Map<String, Long> counts, String data) {
    /**
     * Copies {@code kinds} into an unmodifiable list and {@code counts} into an unmodifiable map; {@code null}
     * becomes empty.
     */
    public RealtimeEvent {
        kinds = Immutable.list(kinds);
        counts = Immutable.map(counts);
    }

    /** Whether this is an {@code analytics.resync}: the stream missed events and every view should reload. */
    public boolean isResync() {
        return RealtimeEventType.ANALYTICS_RESYNC.equals(type);
    }

    /** The count for one kind, 0 when absent. */
    public long count(String kind) {
        Long n = counts.get(kind);
        return n == null ? 0 : n;
    }
}
