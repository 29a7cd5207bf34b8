package io.tally.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tally.core.ApiConnectionException;
import io.tally.core.ApiException;
import io.tally.core.HttpHeaders;
import io.tally.core.RetryPolicy;
import io.tally.core.Sleeper;
import io.tally.core.spi.ApiExceptions;
import io.tally.core.spi.ErrorContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider-neutral pipeline with a scripted sender, a manual ticker and a recording sleeper: ordering,
 * batching, outcomes, pacing, overflow episodes, close and the durable log across a restart. No test sleeps.
 */
class DeliveryPipelineTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final int TRACK = 1;
    private static final int IDENTIFY = 2;

    private final ManualTicker ticker = new ManualTicker();
    private final Waits sleeper = new Waits();
    private final List<DeliveryFailure> failures = new CopyOnWriteArrayList<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<DeliveryPipeline> pipelines = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void closeAll() {
        for (DeliveryPipeline p : pipelines) {
            p.close(Duration.ofSeconds(5));
        }
    }

    private DeliveryPipeline.Builder builder(RecordSender sender) {
        return DeliveryPipeline.builder("Acme", sender)
                .recordType(TRACK, "/track").recordType(IDENTIFY, "/identify")
                .flushAt(1000).flushInterval(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.builder().maxRetries(2).initialBackoff(Duration.ofSeconds(1))
                        .maxBackoff(Duration.ofSeconds(10)).jitter(0).maxRetryAfter(Duration.ofSeconds(30)).build())
                .sleeper(sleeper).ticker(ticker).clock(CLOCK).onError(failures::add);
    }

    private DeliveryPipeline start(DeliveryPipeline.Builder b) {
        DeliveryPipeline p = b.build();
        pipelines.add(p);
        return p;
    }

    /** Records what it is sent and answers with {@code answer}. */
    private RecordSender recording(Function<List<byte[]>, SendOutcome> answer) {
        return (type, records) -> {
            List<String> texts = new ArrayList<>();
            for (byte[] r : records) {
                texts.add(new String(r, StandardCharsets.UTF_8));
            }
            sent.add(type + ":" + String.join(",", texts));
            return answer.apply(records);
        };
    }

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sendsSameTypeRunsInQueueOrderAndReportsThemDelivered() {
        DeliveryPipeline p = start(builder(recording(r -> SendOutcome.delivered(200))).maxBatchSize(2));
        p.enqueue(TRACK, json("a1"));
        p.enqueue(TRACK, json("a2"));
        p.enqueue(TRACK, json("a3"));
        p.enqueue(IDENTIFY, json("b1"));
        p.enqueue(TRACK, json("a4"));

        FlushResult result = p.flush();

        assertThat(sent).containsExactly("1:a1,a2", "1:a3", "2:b1", "1:a4");
        assertThat(result.deliveredCount()).isEqualTo(5);
        assertThat(result.isSuccess()).isTrue();
        assertThat(p.size()).isZero();
        assertThat(p.flush().deliveredCount()).as("nothing left to flush").isZero();
    }

    @Test
    void aBatchLeavesOnItsOwnWhenFlushAtIsReached() throws InterruptedException {
        CountDownLatch delivered = new CountDownLatch(1);
        DeliveryPipeline p = start(builder(recording(r -> {
            delivered.countDown();
            return SendOutcome.delivered(200);
        })).flushAt(2));
        p.enqueue(TRACK, json("a1"));
        p.enqueue(TRACK, json("a2"));
        assertThat(delivered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sent).containsExactly("1:a1,a2");
    }

    @Test
    void aBatchLeavesWhenItsOldestRecordHasWaitedTheInterval() throws InterruptedException {
        CountDownLatch delivered = new CountDownLatch(1);
        DeliveryPipeline p = start(builder(recording(r -> {
            delivered.countDown();
            return SendOutcome.delivered(200);
        })));
        p.enqueue(TRACK, json("a1"));
        ticker.advance(Duration.ofSeconds(5));
        assertThat(delivered.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void retriesAtTheServersRetryTimeCappedByThePolicyElseWithBackoff() {
        int[] calls = {0};
        DeliveryPipeline p = start(builder(recording(r -> {
            switch (calls[0]++) {
                case 0:
                    return SendOutcome.retryLater(429, null, Duration.ofSeconds(7), null);
                case 1:
                    return SendOutcome.retryLater(503, null, null, null);
                default:
                    return SendOutcome.delivered(200);
            }
        })));
        p.enqueue(TRACK, json("a1"));
        assertThat(p.flush().deliveredCount()).isEqualTo(1);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(2));
        assertThat(sent).containsExactly("1:a1", "1:a1", "1:a1");

        calls[0] = 0;
        DeliveryPipeline capped = start(builder(recording(r -> calls[0]++ == 2
                ? SendOutcome.delivered(200) : SendOutcome.retryLater(429, null, Duration.ofMinutes(5), null))));
        sleeper.clear();
        capped.enqueue(TRACK, json("c"));
        assertThat(capped.flush().isSuccess()).isTrue();
        assertThat(sleeper.waits()).as("a hint beyond maxRetryAfter is cut to it")
                .containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @Test
    void aRejectedBatchIsReportedOnceAndNotSentAgain() {
        DeliveryPipeline p = start(builder(recording(r -> SendOutcome.rejected(400, "bad-payload",
                new IllegalStateException("refused")))));
        p.enqueue(IDENTIFY, json("b1"));
        p.enqueue(IDENTIFY, json("b2"));

        FlushResult result = p.flush();

        assertThat(result.rejectedCount()).isEqualTo(2);
        assertThat(result.isSuccess()).isFalse();
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DeliveryFailure.Kind.REJECTED);
            assertThat(f.endpoint()).contains("/identify");
            assertThat(f.statusCode()).isEqualTo(400);
            assertThat(f.errorCode()).contains("bad-payload");
            assertThat(f.recordsAsText()).containsExactly("b1", "b2");
            assertThat(f.recordCount()).isEqualTo(2);
            assertThat(f.willRetry()).isFalse();
            assertThat(f.message()).startsWith("Acme refused 2 identify payloads with 400 [bad-payload]")
                    .contains("refused");
            assertThat(f.cause()).containsInstanceOf(IllegalStateException.class);
        });
        assertThat(failures).isEqualTo(result.failures());
        assertThat(sent).containsExactly("2:b1,b2");
    }

    @Test
    void aBatchTooLargeIsHalvedAndASingleRecordTooLargeIsRejected() {
        DeliveryPipeline p = start(builder(recording(r -> r.size() > 1 || new String(r.get(0), StandardCharsets.UTF_8)
                .equals("huge") ? SendOutcome.tooLarge(413, null, null) : SendOutcome.delivered(200))));
        p.enqueue(TRACK, json("a1"));
        p.enqueue(TRACK, json("a2"));
        p.enqueue(TRACK, json("huge"));

        FlushResult result = p.flush();

        assertThat(sent).containsExactly("1:a1,a2,huge", "1:a1", "1:a2,huge", "1:a2", "1:huge");
        assertThat(result.deliveredCount()).isEqualTo(2);
        assertThat(result.rejectedCount()).isEqualTo(1);
        assertThat(failures).singleElement().satisfies(f -> assertThat(f.message()).contains("no detail"));
    }

    @Test
    void aFailedRoundKeepsTheRecordsReportsUnavailableAndTheNextFlushSendsThem() {
        boolean[] up = {false};
        DeliveryPipeline p = start(builder(recording(r -> up[0] ? SendOutcome.delivered(200)
                : SendOutcome.retryLater(0, null, null, new ApiConnectionException("connection refused", null)))));
        p.enqueue(TRACK, json("a1"));

        FlushResult down = p.flush();

        assertThat(down.pendingCount()).isEqualTo(1);
        assertThat(down.failures()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DeliveryFailure.Kind.UNAVAILABLE);
            assertThat(f.willRetry()).isTrue();
            assertThat(f.message()).contains("Acme /track failed 3 times").contains("stay queued");
        });
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(p.size()).isEqualTo(1);

        up[0] = true;
        FlushResult again = p.flush();
        assertThat(again.deliveredCount()).isEqualTo(1);
        assertThat(sent).hasSize(4);
    }

    @Test
    void aThrowingSenderIsRetriedAndAThrowingHandlerIsIgnored() {
        int[] calls = {0};
        List<DeliveryFailure> seen = new CopyOnWriteArrayList<>();
        DeliveryPipeline p = start(builder((type, records) -> {
            if (calls[0]++ == 0) {
                throw new IllegalStateException("bug in the sender");
            }
            return SendOutcome.rejected(422, null, null);
        }).onError(f -> {
            seen.add(f);
            throw new IllegalStateException("bug in the handler");
        }));
        p.enqueue(TRACK, json("a1"));
        FlushResult result = p.flush();
        assertThat(result.rejectedCount()).isEqualTo(1);
        assertThat(seen).hasSize(1);
        p.enqueue(TRACK, json("a2"));
        assertThat(p.flush().rejectedCount()).as("the sender still works").isEqualTo(1);
    }

    @Test
    void pacingKeepsTheConfiguredTimeBetweenRequests() {
        DeliveryPipeline p = start(builder(recording(r -> SendOutcome.delivered(202)))
                .maxBatchSize(1).flushAt(1).flushInterval(Duration.ZERO).pace(Duration.ofMillis(100)));
        p.enqueue(TRACK, json("e1"));
        p.flush();
        sleeper.clear();
        ticker.advance(Duration.ofMillis(40)); // 40 ms after the first request started
        p.enqueue(TRACK, json("e2"));
        p.enqueue(IDENTIFY, json("i1"));
        p.flush();

        assertThat(sent).containsExactly("1:e1", "1:e2", "2:i1");
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(60), Duration.ofMillis(100));
    }

    @Test
    void overflowDropsTheOldestAndIsReportedOncePerEpisode() {
        DeliveryPipeline p = start(builder(recording(r -> SendOutcome.delivered(200))).capacity(2));
        for (int i = 1; i <= 5; i++) {
            p.enqueue(TRACK, json("a" + i));
        }
        assertThat(p.size()).isEqualTo(2);

        FlushResult result = p.flush();

        assertThat(sent).containsExactly("1:a4,a5");
        assertThat(p.overflowWarningCount()).isEqualTo(1);
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DeliveryFailure.Kind.QUEUE_OVERFLOW);
            assertThat(f.recordCount()).isEqualTo(3);
            assertThat(f.recordsAsText()).containsExactly("a1", "a2", "a3");
            assertThat(f.firstOccurredAt()).contains(CLOCK.instant());
            assertThat(f.lastOccurredAt()).contains(CLOCK.instant());
            assertThat(f.message()).contains("the Acme queue was full (2 payloads in memory)");
        });
        assertThat(result.deliveredCount()).isEqualTo(2);

        for (int i = 6; i <= 8; i++) {
            p.enqueue(TRACK, json("a" + i));
        }
        p.flush();
        assertThat(p.overflowWarningCount()).as("a second episode").isEqualTo(2);
        assertThat(failures).hasSize(2);
    }

    @Test
    void closeWithTheServerDownReportsTheUnsentAndLaterRecordsAsClosed() {
        DeliveryPipeline p = start(builder(recording(r -> SendOutcome.retryLater(503, null, null, null))));
        p.enqueue(TRACK, json("a1"));
        p.close(Duration.ofSeconds(5));
        p.enqueue(IDENTIFY, json("late"));

        assertThat(failures).extracting(DeliveryFailure::kind).containsExactly(DeliveryFailure.Kind.UNAVAILABLE,
                DeliveryFailure.Kind.CLOSED, DeliveryFailure.Kind.CLOSED);
        assertThat(failures.get(0).message()).contains("were not sent before close");
        assertThat(failures.get(1).recordsAsText()).containsExactly("a1");
        assertThat(failures.get(2).recordsAsText()).containsExactly("late");
        assertThat(failures.get(2).endpoint()).contains("/identify");
        assertThat(p.flush().pendingCount()).isZero();
    }

    @Test
    void theDurableLogKeepsWhatWasNotSentForTheNextPipeline() throws Exception {
        DeliveryPipeline first = start(builder(recording(r -> SendOutcome.retryLater(503, null, null, null)))
                .durableLog(DurableLog.open(dir)));
        first.enqueue(TRACK, json("a1"));
        first.enqueue(IDENTIFY, json("b1"));
        first.enqueue(TRACK, json("a2"));
        first.close(Duration.ofSeconds(5));
        assertThat(failures).extracting(DeliveryFailure::kind).containsExactly(DeliveryFailure.Kind.UNAVAILABLE);
        sent.clear();

        DeliveryPipeline second = start(builder(recording(r -> SendOutcome.delivered(200)))
                .durableLog(DurableLog.open(dir)));
        FlushResult result = second.flush(); // recovered records are due at once: some may be sent before this

        assertThat(sent).containsExactly("1:a1", "2:b1", "1:a2");
        assertThat(result.isSuccess()).isTrue();
        assertThat(second.size()).isZero();
    }

    @Test
    void withADurableLogTheMemoryQueueOverflowsToDiskNotToDrops() throws Exception {
        DeliveryPipeline p = start(builder(recording(r -> SendOutcome.delivered(200))).capacity(2).maxBatchSize(10)
                .durableLog(DurableLog.open(dir)));
        for (int i = 1; i <= 6; i++) {
            p.enqueue(TRACK, json("a" + i));
        }
        // records waiting on disk are due at once, so the sender may start before the flush
        FlushResult result = p.flush();
        assertThat(result.isSuccess()).isTrue();
        assertThat(p.size()).isZero();
        assertThat(String.join(",", sent).replaceAll("1:", "")).isEqualTo("a1,a2,a3,a4,a5,a6");
        assertThat(failures).isEmpty();
    }

    @Test
    void aFailingDiskHoldsRecordsInMemoryAndWritesThemOnceItRecovers() throws Exception {
        boolean[] diskFull = {false};
        DurableLog log = DurableLog.open(dir, DurableLog.DEFAULT_MAX_BYTES, (file, length) -> {
            if (diskFull[0]) {
                throw new java.io.IOException("No space left on device");
            }
            return length;
        });
        DeliveryPipeline p = start(builder(recording(r -> SendOutcome.delivered(200))).durableLog(log));
        diskFull[0] = true;
        p.enqueue(TRACK, json("a1"));
        diskFull[0] = false;
        ticker.advance(DeliveryPipeline.DISK_RETRY);
        p.enqueue(TRACK, json("a2"));
        FlushResult result = p.flush();

        assertThat(result.deliveredCount()).isEqualTo(2);
        assertThat(failures).extracting(DeliveryFailure::kind).containsExactly(DeliveryFailure.Kind.STORAGE,
                DeliveryFailure.Kind.STORAGE);
        assertThat(failures.get(0).message()).contains("could not write to the durable queue");
        assertThat(failures.get(1).message()).contains("accepts writes again");
        assertThat(failures.get(1).recordCount()).isEqualTo(1);
    }

    @Test
    void aReportedFailureReachesTheHandlerAndAbandonStopsWithoutSending() throws Exception {
        DeliveryPipeline p = start(
                builder(recording(r -> SendOutcome.delivered(200))).durableLog(DurableLog.open(dir)));
        DeliveryFailure storage = DeliveryFailure.builder(DeliveryFailure.Kind.STORAGE, "the app's storage failed")
                .count(4).build();
        p.report(storage);
        p.enqueue(TRACK, json("first"));
        p.flush(); // reports are handed over before the next send
        p.enqueue(TRACK, json("kept"));
        p.abandon();
        pipelines.remove(p);
        assertThat(sent).containsExactly("1:first");
        assertThat(failures).contains(storage);
        assertThat(storage.toString()).isEqualTo("DeliveryFailure[STORAGE, 4 records: the app's storage failed]");

        DeliveryPipeline next = start(
                builder(recording(r -> SendOutcome.delivered(200))).durableLog(DurableLog.open(dir)));
        next.flush(); // the recovered record may already be on its way: the sink's view is what counts
        assertThat(sent).containsExactly("1:first", "1:kept");
    }

    @Test
    void flushWithATimeoutCountsWhatIsNotDoneAsPending() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        DeliveryPipeline p = start(builder((type, records) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SendOutcome.delivered(200);
        }));
        p.enqueue(TRACK, json("a1"));
        FlushResult result = p.flush(Duration.ofMillis(50));
        release.countDown();
        assertThat(result.pendingCount()).isEqualTo(1);
        assertThat(result.toString()).contains("pending=1");
        assertThatThrownBy(() -> p.flush(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeout");
    }

    @Test
    void withTheSystemTickerARecordDueAtOnceIsSentWithoutAFlush() throws InterruptedException {
        CountDownLatch delivered = new CountDownLatch(1);
        DeliveryPipeline p = start(builder(recording(r -> {
            delivered.countDown();
            return SendOutcome.delivered(200);
        })).ticker(Ticker.SYSTEM).flushInterval(Duration.ofMillis(1)));
        p.enqueue(TRACK, json("a1"));
        assertThat(delivered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.flush(Duration.ofSeconds(10)).pendingCount()).isZero();
    }

    @Test
    void aFullDurableLogDropsNewRecordsAndReportsTheEpisodeOnce() throws Exception {
        DeliveryPipeline p = start(builder(recording(r -> SendOutcome.delivered(200))).maxBatchSize(1000)
                .durableLog(DurableLog.open(dir, DurableLog.MIN_MAX_BYTES, DurableLog.Io.REAL)));
        byte[] kilobyte = new byte[1024];
        java.util.Arrays.fill(kilobyte, (byte) 'x');
        int accepted = 0;
        for (int i = 0; i < 40; i++) {
            int before = p.size();
            p.enqueue(TRACK, kilobyte);
            accepted += p.size() - before;
        }
        assertThat(accepted).isLessThan(40);
        int kept = accepted;
        FlushResult result = p.flush();

        assertThat(result.deliveredCount()).isEqualTo(kept);
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DeliveryFailure.Kind.QUEUE_OVERFLOW);
            assertThat(f.recordCount()).isEqualTo(40 - kept);
            assertThat(f.message()).contains("was full (16384 bytes)").contains("durableQueueMaxBytes");
        });
        assertThat(p.overflowWarningCount()).isEqualTo(1);
    }

    @Test
    void flushAndCloseCalledFromTheErrorHandlerDoNotWaitForThemselves() {
        List<FlushResult> fromHandler = new CopyOnWriteArrayList<>();
        DeliveryPipeline[] self = new DeliveryPipeline[1];
        DeliveryPipeline p = start(builder(recording(r -> SendOutcome.rejected(400, null, null))).onError(f -> {
            if (f.kind() == DeliveryFailure.Kind.REJECTED) {
                fromHandler.add(self[0].flush());
                self[0].close(Duration.ofSeconds(1));
            }
        }));
        self[0] = p;
        p.enqueue(TRACK, json("a1"));
        p.enqueue(TRACK, json("a2"));
        p.flush(Duration.ofSeconds(10));
        assertThat(fromHandler).singleElement().satisfies(r -> assertThat(r.pendingCount()).isEqualTo(2));
        p.enqueue(TRACK, json("late"));
        assertThat(p.size()).isZero();
    }

    @Test
    void closeGivesUpAfterItsTimeoutAndReportsWhatWasNotSent() throws InterruptedException {
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        DeliveryPipeline p = start(builder((type, records) -> {
            sending.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SendOutcome.retryLater(0, null, null, null);
        }).flushAt(1));
        p.enqueue(TRACK, json("a1"));
        assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
        p.close(Duration.ofMillis(50));
        assertThat(failures).extracting(DeliveryFailure::kind).contains(DeliveryFailure.Kind.CLOSED);
        assertThat(failures.get(failures.size() - 1).recordsAsText()).containsExactly("a1");
    }

    @Test
    void afterCloseAReportGoesStraightToTheHandlerAndFlushHasNothingToWaitFor() {
        DeliveryPipeline p = start(builder(recording(r -> SendOutcome.delivered(200))));
        p.close(Duration.ofSeconds(5));
        DeliveryFailure late = DeliveryFailure.builder(DeliveryFailure.Kind.STORAGE, "storage failed after close")
                .endpoint("/track").status(0, null).cause(new java.io.IOException("disk")).build();
        p.report(late);
        assertThat(failures).containsExactly(late);
        assertThat(late.firstOccurredAt()).isEmpty();
        assertThat(late.records()).isEmpty();
        FlushResult result = p.flush();
        assertThat(result.isSuccess()).isTrue();
        assertThat(result.failures()).isEmpty();
    }

    @Test
    void aLazyRecordIsWrittenOnTheSenderThreadAndAFailingWriterDropsOnlyItsRecord() {
        List<String> writtenOn = new CopyOnWriteArrayList<>();
        DeliveryPipeline p = start(builder(recording(r -> SendOutcome.delivered(200))));
        p.enqueue(TRACK, () -> {
            writtenOn.add(Thread.currentThread().getName());
            return json("lazy");
        });
        p.enqueue(TRACK, () -> {
            throw new IllegalStateException("cannot write");
        });
        p.enqueue(TRACK, json("eager"));
        assertThat(writtenOn).as("nothing written on the caller").isEmpty();

        FlushResult result = p.flush();

        assertThat(writtenOn).singleElement().asString().startsWith("tally-acme-sender-");
        assertThat(sent).containsExactly("1:lazy", "1:eager");
        assertThat(result.deliveredCount()).isEqualTo(2);
        assertThat(result.rejectedCount()).isEqualTo(1);
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DeliveryFailure.Kind.REJECTED);
            assertThat(f.message()).contains("could not serialise a track payload").contains("cannot write");
        });
    }

    @Test
    void withADurableLogALazyRecordIsWrittenBeforeEnqueueReturns() throws Exception {
        DeliveryPipeline p = start(
                builder(recording(r -> SendOutcome.delivered(200))).durableLog(DurableLog.open(dir)));
        List<String> writtenOn = new CopyOnWriteArrayList<>();
        p.enqueue(IDENTIFY, () -> {
            writtenOn.add(Thread.currentThread().getName());
            return json("on-disk");
        });
        assertThat(writtenOn).containsExactly(Thread.currentThread().getName());
        p.flush();
        assertThat(sent).containsExactly("2:on-disk");
    }

    @Test
    void droppedLazyRecordsAppearInTheOverflowSample() {
        DeliveryPipeline p = start(builder(recording(r -> SendOutcome.delivered(200))).capacity(1));
        for (int i = 1; i <= 3; i++) {
            String text = "a" + i;
            p.enqueue(TRACK, () -> json(text));
        }
        p.flush();
        assertThat(sent).containsExactly("1:a3");
        assertThat(failures).singleElement().satisfies(f -> assertThat(f.recordsAsText()).containsExactly("a1", "a2"));
        p.close(Duration.ofSeconds(5));
        p.enqueue(TRACK, () -> json("late"));
        assertThat(failures.get(failures.size() - 1).recordsAsText()).containsExactly("late");
    }

    @Test
    void theBuilderAndEnqueueRefuseWhatTheyCannotUse() {
        RecordSender ok = (type, records) -> SendOutcome.delivered(200);
        assertThatThrownBy(() -> DeliveryPipeline.builder(" ", ok)).hasMessageContaining("providerName");
        assertThatThrownBy(() -> DeliveryPipeline.builder("Acme", ok).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("recordType");
        assertThatThrownBy(() -> DeliveryPipeline.builder("Acme", ok).recordType(0, "/x"))
                .hasMessageContaining("between 1 and 127");
        assertThatThrownBy(() -> DeliveryPipeline.builder("Acme", ok).recordType(1, " "))
                .hasMessageContaining("endpoint");
        assertThatThrownBy(() -> DeliveryPipeline.builder("Acme", ok).capacity(0)).hasMessageContaining("capacity");
        assertThatThrownBy(() -> DeliveryPipeline.builder("Acme", ok).pace(Duration.ofMillis(-1)))
                .hasMessageContaining("pace");
        assertThatThrownBy(() -> DeliveryFailure.builder(DeliveryFailure.Kind.STORAGE, "x").count(-1))
                .hasMessageContaining("count");
        DeliveryPipeline p = start(builder(ok));
        assertThatThrownBy(() -> p.enqueue(9, json("x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("record type 9");
        assertThat(p.size()).isZero();
    }

    @Test
    void classifySortsFailuresAsTheProvidersNeed() {
        assertThat(SendOutcome.classify(new ApiConnectionException("reset", null), CLOCK).kind())
                .isEqualTo(SendOutcome.Kind.RETRY_LATER);
        assertThat(SendOutcome.classify(error(503, null), CLOCK).kind()).isEqualTo(SendOutcome.Kind.RETRY_LATER);
        assertThat(SendOutcome.classify(error(408, null), CLOCK).kind()).isEqualTo(SendOutcome.Kind.RETRY_LATER);
        SendOutcome limited = SendOutcome.classify(error(429, Duration.ofSeconds(12)), CLOCK);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(12));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.toString()).isEqualTo("SendOutcome[RETRY_LATER, 429, retry after PT12S]");
        HttpHeaders reset = HttpHeaders.of(Collections.singletonList(new AbstractMap.SimpleEntry<>("X-RateLimit-Reset",
                Long.toString(CLOCK.instant().getEpochSecond() + 40))), Collections.emptySet());
        ApiException withHeader = ApiExceptions
                .forStatus(new ErrorContext("P", "post", "/event", 429, reset, null, null,
                        null, null));
        assertThat(SendOutcome.classify(withHeader, CLOCK).retryAfter()).contains(Duration.ofSeconds(40));
        assertThat(SendOutcome.classify(error(413, null), CLOCK).kind()).isEqualTo(SendOutcome.Kind.TOO_LARGE);
        SendOutcome refused = SendOutcome.classify(error(401, null), CLOCK);
        assertThat(refused.kind()).isEqualTo(SendOutcome.Kind.REJECTED);
        assertThat(refused.cause()).isPresent();
        assertThat(refused.errorCode()).isEmpty();
        assertThat(SendOutcome.retryLater(0, null, Duration.ofSeconds(-3), null).retryAfter()).contains(Duration.ZERO);
    }

    private static ApiException error(int status, Duration retryAfter) {
        return ApiExceptions.forStatus(new ErrorContext("P", "post", "/event", status, null, null, null, null,
                retryAfter));
    }

    /** Records waits, never sleeps. */
    static final class Waits implements Sleeper {
        private final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }

        List<Duration> waits() {
            return new ArrayList<>(waits);
        }

        void clear() {
            waits.clear();
        }
    }

    /**
     * The sender's time, advanced by the test; waits end only when signalled or when the test advances time. The
     * providers' tests use tally-testkit's {@code ManualTicker}; core cannot (tally-testkit depends on tally-core).
     */
    static final class ManualTicker implements Ticker {
        private volatile long now = 1_000_000_000L;
        private volatile Lock lock;
        private volatile Condition condition;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void await(Lock lock, Condition condition, long nanos) throws InterruptedException {
            this.lock = lock;
            this.condition = condition;
            condition.await();
        }

        void advance(Duration d) {
            now += d.toNanos();
            Lock l = lock;
            Condition c = condition;
            if (l != null) {
                l.lock();
                try {
                    c.signalAll();
                } finally {
                    l.unlock();
                }
            }
        }
    }
}
