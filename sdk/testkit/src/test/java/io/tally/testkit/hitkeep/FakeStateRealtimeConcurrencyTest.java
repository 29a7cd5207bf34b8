package io.tally.testkit.hitkeep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Change notifications published by concurrent writes (ingest from several threads) stay in id order and the
 * retained window stays exactly 256 long: a client resuming with {@code Last-Event-ID} must never be handed an
 * older id after a newer one.
 */
class FakeStateRealtimeConcurrencyTest {
    @Test
    void concurrentPublishesKeepIdsAscendingAndTheWindowAt256() throws Exception {
        FakeState state = new FakeState(FakeHitKeep.builder().demoData(false).clock(Fixtures.CLOCK).build());
        SiteData site = state.addSite("race.example.com", null, null);
        int threads = 8;
        int perThread = 400;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        state.publishRealtime(site, "hits", Instant.EPOCH);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Long> ids = new ArrayList<>();
        site.realtime.forEach(e -> ids.add(e.id()));
        assertThat(ids).hasSize(256);
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        long last = FakeState.REALTIME_BASE_ID + (long) threads * perThread;
        assertThat(ids.get(255)).isEqualTo(last);
        assertThat(ids.get(0)).isEqualTo(last - 255);
    }
}
