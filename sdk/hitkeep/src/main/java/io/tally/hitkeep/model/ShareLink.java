package io.tally.hitkeep.model;

import java.time.Instant;

/**
 * A read-only share link of a site's dashboard, as listed (the token itself is shown only once, when
 * the link is created).
 *
 * @param tokenHint the first characters of the token, for recognising it
 */
public record ShareLink(String id, String siteId, String tokenHint, Instant createdAt) {}
