package io.tally.altertable;

import static org.assertj.core.api.Assertions.assertThat;

import io.tally.core.json.TallyJson;
import io.tally.testkit.ManualTicker;
import io.tally.testkit.RecordingSleeper;
import io.tally.testkit.altertable.FakeAltertable;
import io.tally.testkit.altertable.Fault;
import io.tally.testkit.altertable.RecordedEvent;
import io.tally.testkit.altertable.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * N events in, N events recorded, while the server fails in bursts: the delivery guarantee as
 * documented on {@link Altertable} (at least once; a duplicate only where a response was lost after
 * the server stored the batch, exactly one extra copy of that batch per such loss).
 */
class FaultToleranceTest {
    private static final int EVENTS = 600;
    private static final int PRODUCERS = 3;

    private final FakeAltertable fake = FakeAltertable.start();
    private final List<DeliveryFailure> failures = new CopyOnWriteArrayList<>();
    private Altertable altertable;

    @AfterEach
    void stop() {
        if (altertable != null) {
            altertable.close();
        }
        fake.close();
    }

    @Test
    void failuresBeforeStoringLoseNothingAndDuplicateNothing() throws Exception {
        scheduleBursts(new Random(42), 300, false);
        altertable = newClient();

        produce();
        flushUntilDelivered();

        List<RecordedEvent> tracks = fake.tracks();
        assertThat(ids(tracks)).as("every event exactly once").hasSize(EVENTS).doesNotHaveDuplicates();
        assertOrderPerUser(tracks);
        assertThat(countFaulted(fake.requests())).as("the schedule really failed requests").isGreaterThan(20);
        assertThat(failures).extracting(DeliveryFailure::kind)
                .allMatch(k -> k == DeliveryFailure.Kind.UNAVAILABLE);
    }

    @Test
    void lostResponsesCauseOnlyTheDocumentedDuplicates() throws Exception {
        scheduleBursts(new Random(7), 300, true);
        altertable = newClient();

        produce();
        flushUntilDelivered();

        List<RecordedEvent> tracks = fake.tracks();
        List<String> ids = ids(tracks);
        assertThat(new java.util.HashSet<>(ids)).as("no event lost").hasSize(EVENTS);
        int lostAfterStoring = 0;
        int resentCopies = 0;
        for (RecordedRequest r : fake.requests()) {
            if (r.fault().isPresent() && r.fault().get().kind() == Fault.Kind.DROP_AFTER_STORING) {
                lostAfterStoring++;
                resentCopies += TallyJson.mapper().readTree(r.body()).size();
            }
        }
        assertThat(lostAfterStoring).as("the schedule really lost responses").isGreaterThan(5);
        assertThat(ids.size()).as("each lost response repeats exactly its own batch, once")
                .isEqualTo(EVENTS + resentCopies);
        assertThat(resentCopies).isLessThanOrEqualTo(lostAfterStoring * 10);
        assertFirstOccurrencesInOrderPerUser(tracks);
    }

    private Altertable newClient() {
        return TestSupport.clientFor(fake, new ManualTicker(), new RecordingSleeper())
                .flushAt(10)
                .maxBatchSize(10)
                .queueCapacity(10_000)
                .onError(failures::add)
                .build();
    }

    /** Bursts of 1–5 failures of every kind between runs of successes. */
    private void scheduleBursts(Random random, int length, boolean loseResponses) {
        int scheduled = 0;
        while (scheduled < length) {
            int ok = 1 + random.nextInt(3);
            fake.failNext(ok, Fault.none());
            int burst = 1 + random.nextInt(5);
            for (int i = 0; i < burst; i++) {
                int kind = random.nextInt(loseResponses ? 6 : 5);
                Fault fault;
                switch (kind) {
                    case 0:
                        fault = Fault.serverError();
                        break;
                    case 1:
                        fault = Fault.status(500 + random.nextInt(5));
                        break;
                    case 2:
                        fault = random.nextBoolean() ? Fault.rateLimited() : Fault.rateLimited(Duration.ofSeconds(2));
                        break;
                    case 3:
                        fault = Fault.dropConnection();
                        break;
                    case 4:
                        fault = Fault.status(408);
                        break;
                    default:
                        fault = Fault.dropConnectionAfterStoring();
                }
                fake.failNext(fault);
            }
            scheduled += ok + burst;
        }
    }

    private void produce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PRODUCERS);
        List<Future<?>> futures = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            String user = "user-" + p;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < EVENTS / PRODUCERS; i++) {
                    Map<String, Object> props = new HashMap<>();
                    props.put("id", user + "/" + i);
                    props.put("seq", i);
                    altertable.track("Step", user, props);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }

    /** A round can exhaust its retries on a long burst; the next flush starts a new one. */
    private void flushUntilDelivered() {
        for (int i = 0; i < 100 && altertable.queuedCount() > 0; i++) {
            altertable.flush();
        }
        assertThat(altertable.queuedCount()).isZero();
    }

    private static List<String> ids(List<RecordedEvent> events) {
        List<String> ids = new ArrayList<>();
        for (RecordedEvent e : events) {
            ids.add((String) e.property("id"));
        }
        return ids;
    }

    private static void assertOrderPerUser(List<RecordedEvent> events) {
        for (List<Integer> seqs : seqsPerUser(events, false).values()) {
            assertThat(seqs).isSorted();
        }
    }

    private static void assertFirstOccurrencesInOrderPerUser(List<RecordedEvent> events) {
        for (List<Integer> seqs : seqsPerUser(events, true).values()) {
            assertThat(seqs).isSorted();
        }
    }

    private static Map<String, List<Integer>> seqsPerUser(List<RecordedEvent> events, boolean firstOnly) {
        Map<String, List<Integer>> out = new HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (RecordedEvent e : events) {
            if (firstOnly && !seen.add((String) e.property("id"))) {
                continue;
            }
            out.computeIfAbsent(e.distinctId(), k -> new ArrayList<>()).add(((Number) e.property("seq")).intValue());
        }
        return out;
    }

    private static int countFaulted(List<RecordedRequest> requests) {
        int n = 0;
        for (RecordedRequest r : requests) {
            if (r.status() != 200) {
                n++;
            }
        }
        return n;
    }
}
