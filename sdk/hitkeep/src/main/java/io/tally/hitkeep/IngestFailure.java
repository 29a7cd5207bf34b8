package io.tally.hitkeep;

import io.tally.hitkeep.model.IngestRecord;

/**
 * A record of a batch that HitKeep did not accept, with why: usually an {@link io.tally.core.ApiException}
 * (400 for a field HitKeep refuses, 404 {@code Site not found} for an unknown host, 403 without
 * {@code site.manage_data}) or an {@link io.tally.core.ApiConnectionException}.
 *
 * @param index  the record's position in the batch, from 0
 * @param record the record
 * @param error  what went wrong
 */
public record IngestFailure(int index, IngestRecord record, RuntimeException error) {}
