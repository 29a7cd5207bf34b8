package io.tally.altertable;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.core.json.TallyJson;
import io.tally.testkit.ManualTicker;
import io.tally.testkit.RecordingSleeper;
import io.tally.testkit.altertable.FakeAltertable;
import io.tally.testkit.altertable.Fault;
import io.tally.testkit.altertable.RecordedEvent;
import io.tally.testkit.altertable.RecordedRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Batching, triggers, retries, rejections, overflow and closing, against {@link FakeAltertable}. */
class DeliveryTest {
    private final FakeAltertable fake = FakeAltertable.start();
    private final ManualTicker ticker = new ManualTicker();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<DeliveryFailure> failures = new CopyOnWriteArrayList<>();
    private final List<Altertable> clients = new ArrayList<>();

    private Altertable client(Altertable.Builder builder) {
        Altertable a = builder.build();
        clients.add(a);
        return a;
    }

    private Altertable.Builder base() {
        return TestSupport.clientFor(fake, ticker, sleeper).flushAt(1000).onError(failures::add);
    }

    @AfterEach
    void stop() {
        for (Altertable a : clients) {
            a.close();
        }
        fake.close();
    }

    @Test
    void sendsJsonArraysToTheEndpointOfEachTypeInOrder() throws IOException {
        Altertable altertable = client(base().userAgent("shop/1.0"));
        altertable.track("A", "user-1");
        altertable.track("B", "user-1");
        altertable.track("C", "user-2");
        altertable.identify("user-1");
        altertable.track("D", "user-1");
        altertable.alias("user-1", "crm:1");

        FlushResult result = altertable.flush();

        assertThat(result.isSuccess()).isTrue();
        assertThat(result.deliveredCount()).isEqualTo(6);
        List<RecordedRequest> requests = fake.requests();
        assertThat(requests).extracting(RecordedRequest::path).containsExactly("/track", "/identify", "/track",
                "/alias");
        assertThat(sizes(requests)).containsExactly(3, 1, 1, 1);
        RecordedRequest first = requests.get(0);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.header("X-API-Key")).contains(fake.apiKey());
        assertThat(first.header("Authorization")).isEmpty();
        assertThat(first.header("Content-Type").get()).startsWith("application/json");
        assertThat(first.header("User-Agent").get()).contains("tally-java/").contains("(altertable)")
                .endsWith("shop/1.0");
        assertThat(first.query()).as("the key never goes in the URL").isNull();
        assertThat(fake.events()).extracting(e -> e.event() == null ? e.type().name() : e.event())
                .containsExactly("A", "B", "C", "IDENTIFY", "D", "ALIAS");
    }

    @Test
    void splitsIntoRequestsOfAtMostMaxBatchSize() throws IOException {
        Altertable altertable = client(base().maxBatchSize(10));
        for (int i = 0; i < 25; i++) {
            altertable.track("E" + i, "user-1");
        }
        assertThat(altertable.flush().deliveredCount()).isEqualTo(25);
        assertThat(sizes(fake.requests())).containsExactly(10, 10, 5);
    }

    @Test
    void sendsByItselfOnceFlushAtPayloadsAreQueued() throws InterruptedException {
        Altertable altertable = client(base().flushAt(5));
        for (int i = 0; i < 5; i++) {
            altertable.track("E" + i, "user-1");
        }
        assertThat(fake.awaitEvents(5, Duration.ofSeconds(10))).isTrue();
        assertThat(fake.requestCount()).isEqualTo(1);
    }

    @Test
    void sendsByItselfOnceTheOldestPayloadHasWaitedTheInterval() throws InterruptedException {
        Altertable altertable = client(base().flushInterval(Duration.ofSeconds(5)));
        altertable.track("E", "user-1");
        ticker.advance(Duration.ofMillis(4900));
        assertThat(altertable.queuedCount()).isEqualTo(1);
        ticker.advance(Duration.ofMillis(100));
        assertThat(fake.awaitEvents(1, Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void retriesServerErrorsWithExponentialBackoff() {
        fake.failNext(3, Fault.serverError());
        Altertable altertable = client(base());
        altertable.track("E", "user-1");

        FlushResult result = altertable.flush();

        assertThat(result.isSuccess()).isTrue();
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4));
        assertThat(fake.requestCount()).isEqualTo(4);
        assertThat(fake.tracks()).hasSize(1);
        assertThat(failures).isEmpty();
    }

    @Test
    void retriesTimeoutsRateLimitsAndDroppedConnections() {
        fake.failNext(Fault.status(408)).failNext(Fault.rateLimited()).failNext(Fault.dropConnection());
        Altertable altertable = client(base());
        altertable.track("E", "user-1");

        assertThat(altertable.flush().isSuccess()).isTrue();
        assertThat(fake.requests()).extracting(RecordedRequest::status).containsExactly(408, 429, 0, 200);
        assertThat(fake.tracks()).hasSize(1);
    }

    @Test
    void honoursRetryAfterUpToTheLongestWaitAllowed() {
        fake.failNext(Fault.rateLimited(Duration.ofSeconds(7))).failNext(Fault.rateLimited(Duration.ofSeconds(600)));
        Altertable altertable = client(base());
        altertable.track("E", "user-1");

        assertThat(altertable.flush().isSuccess()).isTrue();
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(60));
    }

    @Test
    void aFailedRoundKeepsThePayloadsAndANewFlushDeliversThem() {
        fake.failNext(4, Fault.serverError());
        Altertable altertable = client(base());
        altertable.track("E", "user-1");

        FlushResult failed = altertable.flush();

        assertThat(failed.isSuccess()).isFalse();
        assertThat(failed.pendingCount()).isEqualTo(1);
        assertThat(failed.failures()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DeliveryFailure.Kind.UNAVAILABLE);
            assertThat(f.willRetry()).isTrue();
            assertThat(f.statusCode()).isEqualTo(503);
            assertThat(f.endpoint()).contains("/track");
            assertThat(f.payloads()).singleElement().asString().contains("\"event\":\"E\"");
        });
        assertThat(failures).extracting(DeliveryFailure::kind).containsExactly(DeliveryFailure.Kind.UNAVAILABLE);
        assertThat(altertable.queuedCount()).isEqualTo(1);

        FlushResult retried = altertable.flush();
        assertThat(retried.isSuccess()).isTrue();
        assertThat(retried.deliveredCount()).isEqualTo(1);
        assertThat(fake.tracks()).hasSize(1);
    }

    @Test
    void afterAFailedRoundTheSenderPausesThenTriesAgainByItself() throws InterruptedException {
        fake.failNext(4, Fault.serverError());
        Altertable altertable = client(base().flushInterval(Duration.ofSeconds(5)));
        altertable.track("E", "user-1");
        assertThat(altertable.flush().pendingCount()).isEqualTo(1);

        ticker.advance(Duration.ofSeconds(10)); // the pause: max(flush interval, max backoff)
        assertThat(fake.awaitEvents(1, Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void aRejectedBatchIsReportedWithItsErrorCodeAndNotResent() {
        Altertable altertable = client(base().environment("staging"));
        altertable.track("E", "user-1");
        altertable.track("F", "user-1");

        FlushResult result = altertable.flush();

        assertThat(result.rejectedCount()).isEqualTo(2);
        assertThat(result.isSuccess()).isFalse();
        DeliveryFailure failure = result.failures().get(0);
        assertThat(failure.kind()).isEqualTo(DeliveryFailure.Kind.REJECTED);
        assertThat(failure.willRetry()).isFalse();
        assertThat(failure.statusCode()).isEqualTo(400);
        assertThat(failure.errorCode()).contains("environment-not-found");
        assertThat(failure.message()).contains("https://altertable.ai/dashboard/environments/new?name=staging");
        assertThat(failure.payloadCount()).isEqualTo(2);
        assertThat(failure.cause()).get().isInstanceOf(io.tally.core.BadRequestException.class);
        assertThat(failures).containsExactly(failure);

        assertThat(altertable.flush().deliveredCount()).isZero();
        assertThat(fake.requestCount()).as("not resent").isEqualTo(1);
        assertThat(altertable.queuedCount()).isZero();
    }

    @Test
    void aWrongKeyIsRejectedWithoutTheKeyInAnyMessage() {
        Altertable altertable = client(base().apiKey("pk_test_wrong_secret"));
        altertable.track("E", "user-1");

        DeliveryFailure failure = altertable.flush().failures().get(0);

        assertThat(failure.statusCode()).isEqualTo(401);
        assertThat(failure.kind()).isEqualTo(DeliveryFailure.Kind.REJECTED);
        assertThat(failure.message()).doesNotContain("pk_test_wrong_secret");
        assertThat(String.valueOf(failure.cause().get())).doesNotContain("pk_test_wrong_secret");
        assertThat(altertable.toString()).doesNotContain("pk_test_wrong_secret");
    }

    @Test
    void whenTheQueueIsFullTheOldestPayloadsAreDroppedAndReported() {
        Altertable altertable = client(base().queueCapacity(3));
        for (int i = 1; i <= 5; i++) {
            altertable.track("E" + i, "user-1");
        }
        assertThat(altertable.queuedCount()).isEqualTo(3);

        FlushResult result = altertable.flush();

        assertThat(result.deliveredCount()).isEqualTo(3);
        assertThat(fake.tracks()).extracting(RecordedEvent::event).containsExactly("E3", "E4", "E5");
        // one report for the episode, before the flush returns
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DeliveryFailure.Kind.QUEUE_OVERFLOW);
            assertThat(f.payloadCount()).isEqualTo(2);
        });
        List<String> dropped = new ArrayList<>(failures.get(0).payloads());
        assertThat(dropped).hasSize(2);
        assertThat(dropped.get(0)).contains("\"event\":\"E1\"");
        assertThat(dropped.get(1)).contains("\"event\":\"E2\"");
    }

    @Test
    void overflowWhileAFlushWaitsIsCountedAsDropped() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch sending = new CountDownLatch(1);
        Altertable altertable = TestSupport.clientFor(fake, ticker, sleeper).flushAt(1000).queueCapacity(2)
                .onError(failures::add)
                .build((type, payloads) -> {
                    sending.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return io.tally.core.delivery.SendOutcome.delivered(200);
                });
        clients.add(altertable);
        altertable.track("E1", "user-1");
        altertable.track("E2", "user-1");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<FlushResult> flush = pool.submit(() -> altertable.flush());
            assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
            altertable.track("E3", "user-1"); // drops E1, which is being sent
            altertable.track("E4", "user-1"); // drops E2
            release.countDown();
            FlushResult result = flush.get(10, TimeUnit.SECONDS);
            assertThat(result.droppedCount()).isEqualTo(2);
            assertThat(result.deliveredCount()).isZero();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anErrorThrownWhileSendingIsRetriedAndDoesNotKillTheSender() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        Altertable altertable = TestSupport.clientFor(fake, ticker, sleeper).flushAt(1000).onError(failures::add)
                .build((type, payloads) -> {
                    if (calls.incrementAndGet() == 1) {
                        // e.g. a class missing at run time on Android, thrown from inside the HTTP stack
                        throw new NoClassDefFoundError("okhttp3/internal/Missing");
                    }
                    return io.tally.core.delivery.SendOutcome.delivered(200);
                });
        clients.add(altertable);
        altertable.track("E1", "user-1");

        FlushResult first = altertable.flush(Duration.ofSeconds(10));

        assertThat(first.deliveredCount()).as("the failed attempt is retried").isEqualTo(1);
        assertThat(first.pendingCount()).isZero();
        altertable.track("E2", "user-1");
        assertThat(altertable.flush(Duration.ofSeconds(10)).deliveredCount()).as("the sender is still alive")
                .isEqualTo(1);
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void closeSendsWhatIsQueuedAndLaterCallsAreReportedNotThrown() {
        Altertable altertable = client(base());
        for (int i = 0; i < 3; i++) {
            altertable.track("E" + i, "user-1");
        }
        altertable.close();
        assertThat(fake.tracks()).hasSize(3);

        altertable.track("Late", "user-1");
        altertable.close();
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DeliveryFailure.Kind.CLOSED);
            assertThat(f.payloads().get(0)).contains("Late");
        });
        assertThat(altertable.flush().isSuccess()).isTrue();
    }

    @Test
    void closingWhileTheServerIsDownReportsWhatWasNotSent() {
        fake.failNext(100, Fault.serverError());
        Altertable altertable = client(base().maxRetries(1));
        altertable.track("E", "user-1");
        altertable.close();

        assertThat(failures).extracting(DeliveryFailure::kind)
                .containsExactly(DeliveryFailure.Kind.UNAVAILABLE, DeliveryFailure.Kind.CLOSED);
        assertThat(failures.get(1).payloads()).hasSize(1);
        assertThat(fake.requestCount()).isEqualTo(2);
    }

    @Test
    void anErrorHandlerThatThrowsOrFlushesDoesNotStopDelivery() {
        AtomicReference<FlushResult> inner = new AtomicReference<>();
        AtomicReference<Altertable> self = new AtomicReference<>();
        Altertable altertable = client(base().environment("nope").onError(f -> {
            inner.set(self.get().flush()); // must not deadlock
            throw new IllegalStateException("handler bug");
        }));
        self.set(altertable);
        altertable.track("Refused", "user-1");
        altertable.flush();
        assertThat(inner.get()).isNotNull();

        Altertable good = client(base());
        good.track("Accepted", "user-1");
        assertThat(good.flush().isSuccess()).isTrue();
        altertable.track("AlsoRefused", "user-1");
        assertThat(altertable.flush().rejectedCount()).isEqualTo(1);
    }

    @Test
    void flushWithATimeoutReturnsWhatIsStillPending() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Altertable altertable = TestSupport.clientFor(fake, ticker, sleeper).flushAt(1000)
                .build((type, payloads) -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return io.tally.core.delivery.SendOutcome.delivered(200);
                });
        clients.add(altertable);
        altertable.track("E", "user-1");
        FlushResult result = altertable.flush(Duration.ofMillis(50));
        assertThat(result.pendingCount()).isEqualTo(1);
        assertThat(result.isSuccess()).isFalse();
        release.countDown();
        assertThat(altertable.flush().isSuccess()).isTrue();
    }

    @Test
    void concurrentProducersKeepTheOrderOfEachDistinctId() throws Exception {
        Altertable altertable = client(base().flushAt(50).maxBatchSize(37));
        int threads = 6;
        int perThread = 150;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String user = "user-" + t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    altertable.track("Step", user, Collections.singletonMap("seq", i));
                }
                return null;
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(altertable.flush().isSuccess()).isTrue();

        Map<String, List<Integer>> seen = new HashMap<>();
        for (RecordedEvent e : fake.tracks()) {
            seen.computeIfAbsent(e.distinctId(), k -> new ArrayList<>()).add(((Number) e.property("seq")).intValue());
        }
        assertThat(seen).hasSize(threads);
        for (List<Integer> seqs : seen.values()) {
            assertThat(seqs).hasSize(perThread).isSorted();
        }
    }

    static List<Integer> sizes(List<RecordedRequest> requests) throws IOException {
        List<Integer> sizes = new ArrayList<>();
        for (RecordedRequest r : requests) {
            JsonNode body = TallyJson.mapper().readTree(r.body());
            sizes.add(body.isArray() ? body.size() : -1);
        }
        return sizes;
    }
}
