package io.tally.hitkeep;

import io.tally.core.RateLimit;
import io.tally.core.Sleeper;
import io.tally.hitkeep.model.IngestRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Sends many pageviews and events one request at a time — HitKeep has no batch endpoint — paced by a token
 * bucket so that the sender stays under HitKeep's ingest limit (20 requests a second, burst 40, per IP, unless
 * the instance changed {@code HITKEEP_INGEST_RATE_LIMIT}/{@code HITKEEP_INGEST_BURST}). Each request still gets
 * the client's retries (429 is always retried). Nothing is dropped silently: every record ends up in
 * {@link IngestBatchResult} as sent, failed or not sent.
 *
 * <pre>{@code
 * IngestBatchResult result = hitkeep.ingest().batch()
 *     .rateLimit(RateLimit.of(10, 20))      // a second sender shares the IP
 *     .send(records);
 * }</pre>
 *
 * <p>Waits use the client's {@link Clock} and {@link Sleeper}, so tests can run without sleeping. Sends on the
 * calling thread. A batcher may be reused; each {@link #send(Iterable)} starts with a full burst.
 */
public final class IngestBatcher {
    /** HitKeep's default ingest limit: 20 requests a second, bursts of 40. */
    public static final RateLimit HITKEEP_INGEST_LIMIT = RateLimit.of(20, 40);

    private final Ingest ingest;
    private final Clock clock;
    private final Sleeper sleeper;
    private RateLimit rateLimit = HITKEEP_INGEST_LIMIT;
    private boolean stopOnFailure;

    IngestBatcher(Ingest ingest, Clock clock, Sleeper sleeper) {
        this.ingest = ingest;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** The pace to keep; {@link #HITKEEP_INGEST_LIMIT} by default. */
    public IngestBatcher rateLimit(RateLimit rateLimit) {
        this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
        return this;
    }

    /**
     * Whether to stop at the first failed record (e.g. a revoked token fails every record); the records after it
     * are then reported as not sent. Off by default: every record is tried.
     */
    public IngestBatcher stopOnFailure(boolean stop) {
        this.stopOnFailure = stop;
        return this;
    }

    /**
     * Sends each record in order and reports what happened to each.
     *
     * @param records {@link io.tally.hitkeep.model.ServerPageview}s and {@link io.tally.hitkeep.model.ServerEvent}s
     */
    public IngestBatchResult send(Iterable<? extends IngestRecord> records) {
        Objects.requireNonNull(records, "records");
        Pacer pacer = new Pacer(rateLimit);
        List<IngestFailure> failures = new ArrayList<>();
        List<IngestRecord> notSent = new ArrayList<>();
        int sent = 0;
        int index = 0;
        boolean stopped = false;
        for (IngestRecord record : records) {
            int i = index++;
            if (stopped) {
                notSent.add(record);
                continue;
            }
            try {
                pacer.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
                notSent.add(record);
                continue;
            }
            try {
                ingest.send(record).execute();
                sent++;
            } catch (RuntimeException e) {
                failures.add(new IngestFailure(i, record, e));
                stopped = stopOnFailure;
            }
        }
        return new IngestBatchResult(index, sent, failures, notSent);
    }

    /** A token bucket read from the client's clock; waits through the client's sleeper. */
    private final class Pacer {
        private final double perNano;
        private final double burst;
        private double tokens;
        private long last;

        Pacer(RateLimit limit) {
            this.perNano = limit.permitsPerSecond() / 1_000_000_000d;
            this.burst = limit.burst();
            this.tokens = burst;
            this.last = nanos();
        }

        void acquire() throws InterruptedException {
            long now = nanos();
            if (now > last) {
                tokens = Math.min(burst, tokens + (now - last) * perNano);
                last = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return;
            }
            long wait = (long) Math.ceil((1 - tokens) / perNano);
            sleeper.sleep(Duration.ofNanos(wait));
            tokens = 0; // the token that accrued while waiting is spent now
            last = Math.max(nanos(), last + wait);
        }

        private long nanos() {
            Instant i = clock.instant();
            return i.getEpochSecond() * 1_000_000_000L + i.getNano();
        }
    }

    @Override
    public String toString() {
        return "IngestBatcher[" + rateLimit + (stopOnFailure ? ", stop on failure" : "") + "]";
    }
}
