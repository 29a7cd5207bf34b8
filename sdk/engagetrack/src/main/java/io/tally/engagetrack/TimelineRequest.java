package io.tally.engagetrack;

import io.tally.core.paging.Page;
import io.tally.engagetrack.model.TimelineEvent;
import io.tally.engagetrack.model.VisitorTimeline;

/** {@code GET …/visitors/{visitorId}/timeline}: a visitor's profile and their events, paged. */
public final class TimelineRequest extends PagedRequest<VisitorTimeline, TimelineEvent, TimelineRequest> {
    TimelineRequest(EngageTrack client, String siteId, String visitorId) {
        super(client, "/organizations/{orgId}/sites/{siteId}/visitors/{visitorId}/timeline",
                new Object[] {siteId, visitorId},
                response -> Readers.timeline(1, 50).read(response), TimelineRequest::toPage);
    }

    private static Page<TimelineEvent> toPage(VisitorTimeline t) {
        return t.total() == null ? Page.of(t.timeline()) : Page.of(t.timeline(), t.total());
    }
}
