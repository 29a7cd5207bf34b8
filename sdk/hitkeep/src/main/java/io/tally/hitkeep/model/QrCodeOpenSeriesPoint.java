package io.tally.hitkeep.model;

import java.time.Instant;

/**
 * QR redirect opens in one time bucket.
 *
 * @param time  start of the bucket
 * @param opens opens recorded in it
 */
public record QrCodeOpenSeriesPoint(Instant time, long opens) {}
