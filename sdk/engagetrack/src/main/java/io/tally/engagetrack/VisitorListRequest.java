package io.tally.engagetrack;

import io.tally.core.paging.Page;
import io.tally.engagetrack.model.Visitor;
import io.tally.engagetrack.model.VisitorPage;
import org.jspecify.annotations.Nullable;

/** {@code GET /organizations/{orgId}/sites/{siteId}/visitors}: visitors, most recently seen first, searchable and paged. */
public final class VisitorListRequest extends PagedRequest<VisitorPage, Visitor, VisitorListRequest> {
    VisitorListRequest(EngageTrack client, String siteId) {
        super(client, "/organizations/{orgId}/sites/{siteId}/visitors", new Object[] {siteId},
                response -> Readers.visitorPage(1, 50).read(response), VisitorListRequest::toPage);
    }

    /** Only visitors whose e-mail, name, UID or external id matches {@code text}; {@code null} for all. */
    public VisitorListRequest search(@Nullable String text) {
        return query("search", text == null || text.trim().isEmpty() ? null : text.trim());
    }

    private static Page<Visitor> toPage(VisitorPage p) {
        return p.total() == null ? Page.of(p.visitors()) : Page.of(p.visitors(), p.total());
    }
}
