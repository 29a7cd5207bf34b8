package io.tally.core.delivery;

import java.util.List;

/**
 * The provider's half of a {@link DeliveryPipeline}: sends one batch of records (one record when the provider has
 * no batch endpoint) and says what became of it. Called on the pipeline's sender thread only, one batch at a time.
 *
 * <pre>{@code
 * RecordSender sender = (type, records) -> {
 *     try {
 *         new MyIngestRequest(context, type, records).execute();
 *         return SendOutcome.delivered(202);
 *     } catch (RuntimeException e) {
 *         return SendOutcome.classify(e, clock);   // 408/429/5xx/network: retry; 413: split; other 4xx: rejected
 *     }
 * };
 * }</pre>
 */
@FunctionalInterface
public interface RecordSender {
    /**
     * Sends {@code records}, all of record type {@code type}, in order, in one request, and classifies the answer.
     * Should not throw: an exception is treated as {@link SendOutcome#retryLater a transient failure}.
     *
     * @param type    the record type code the records were queued with
     * @param records the serialised records, oldest first; never empty, at most the pipeline's batch size
     * @return what became of the attempt
     */
    SendOutcome send(int type, List<byte[]> records);
}
