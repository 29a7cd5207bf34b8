package io.tally.engagetrack;

/**
 * A site's visitors (scope {@code visitors:read}). <b>Personal data</b>: identified visitors carry e-mail,
 * name, avatar and your user id.
 */
public final class Visitors {
    private final EngageTrack client;

    Visitors(EngageTrack client) {
        this.client = client;
    }

    /** {@code GET …/visitors}: visitors, most recently seen first; set {@code search}, {@code page}, {@code limit}. */
    public VisitorListRequest list(String siteId) {
        return new VisitorListRequest(client, siteId);
    }

    /** {@code GET …/visitors/{visitorId}/timeline}: a visitor's profile and chronological events, paged. */
    public TimelineRequest timeline(String siteId, String visitorId) {
        return new TimelineRequest(client, siteId, visitorId);
    }
}
