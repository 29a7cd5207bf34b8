/**
 * For provider authors: the fire-and-forget delivery pipeline a provider's background sender builds on.
 * {@link io.tally.core.delivery.DeliveryPipeline} queues serialised records, batches runs of one type, paces
 * requests, retries with backoff or at the server's retry time, bounds memory, reports overflow once per episode,
 * and flushes and closes; the provider supplies a {@link io.tally.core.delivery.RecordSender} that sends one batch
 * (or one record) and classifies the answer as a {@link io.tally.core.delivery.SendOutcome}: delivered, retry
 * later, rejected for good, or too large. Failures reach the application as
 * {@link io.tally.core.delivery.DeliveryFailure}s and {@link io.tally.core.delivery.FlushResult}s.
 * {@link io.tally.core.delivery.DurableLog} is the optional crash-safe, byte-bounded queue on disk behind it
 * (numbered records with a type code, a cursor, damage detection that counts what was lost). Altertable's batched
 * ingestion and EngageTrack's queued sender run on it. These types are public and documented but change more
 * freely than {@link io.tally.core}.
 */
@NullMarked
package io.tally.core.delivery;

import org.jspecify.annotations.NullMarked;
