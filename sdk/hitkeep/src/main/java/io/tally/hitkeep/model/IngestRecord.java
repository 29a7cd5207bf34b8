package io.tally.hitkeep.model;

import java.time.Instant;

/**
 * A record for HitKeep's server-side ingest: a {@link ServerPageview} or a {@link ServerEvent}. HitKeep finds
 * the site from the host of {@link #url()} and has no batch endpoint: each record is one request.
 */
public interface IngestRecord {
    /** The absolute http(s) URL of the page; its host selects the site. */
    String url();

    /** When it happened. */
    Instant timestamp();

    /** The visitor's IP address (IPv4 or IPv6). */
    String visitorIp();

    /** The visitor's user agent. */
    String userAgent();
}
