package io.tally.altertable;

import static org.assertj.core.api.Assertions.assertThat;

import io.tally.core.delivery.DurableLog;
import io.tally.testkit.ManualTicker;
import io.tally.testkit.RecordingSleeper;
import io.tally.testkit.altertable.FakeAltertable;
import io.tally.testkit.altertable.Fault;
import io.tally.testkit.altertable.RecordedEvent;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the durable queue holds under outages, full disks, damaged files and killed processes: one
 * test per failure found by the reliability review (issue 13).
 */
class DurableQueueReliabilityTest {
    private static final long SMALL_DISK = 64 * 1024; // 4 KiB segments, room for a few hundred events

    @TempDir
    Path dir;

    private final FakeAltertable fake = FakeAltertable.start();
    private final ManualTicker ticker = new ManualTicker();
    private final List<DeliveryFailure> failures = new CopyOnWriteArrayList<>();
    private final List<Altertable> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        for (Altertable a : clients) {
            a.close();
        }
        fake.close();
    }

    private Altertable.Builder builder() {
        return TestSupport.clientFor(fake, ticker, new RecordingSleeper())
                .flushAt(1000)
                .flushInterval(Duration.ofHours(1))
                .durableQueue(dir)
                .onError(failures::add);
    }

    private Altertable start(Altertable.Builder builder) {
        Altertable a = builder.build();
        clients.add(a);
        return a;
    }

    private static void track(Altertable a, int from, int to) {
        for (int i = from; i < to; i++) {
            a.track("E" + i, "user-1");
        }
    }

    private List<String> events() {
        return fake.tracks().stream().map(RecordedEvent::event).collect(Collectors.toList());
    }

    private static List<String> names(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add("E" + i);
        }
        return out;
    }

    private List<DeliveryFailure> failuresOf(DeliveryFailure.Kind kind) {
        return failures.stream().filter(f -> f.kind() == kind).collect(Collectors.toList());
    }

    // ---- capacity --------------------------------------------------------------------------------

    @Test
    void anOutageLongerThanTheMemoryQueueLosesNothing() {
        fake.failNext(1000, Fault.serverError());
        Altertable altertable = start(builder()); // queueCapacity 1000, the default

        track(altertable, 0, 3000);

        assertThat(altertable.queuedCount()).as("2000 wait on disk only").isEqualTo(3000);
        altertable.flush(); // a delivery round against the failing sink, whether or not the sender already tried
        assertThat(fake.requestCount()).as("the sink really was down").isGreaterThan(0);
        assertThat(altertable.queuedCount()).as("nothing was lost to the failed round").isEqualTo(3000);
        fake.reset();
        DurableQueueTest.flushUntilEmpty(altertable);
        assertThat(events()).containsExactlyElementsOf(names(0, 3000));
        assertThat(failuresOf(DeliveryFailure.Kind.QUEUE_OVERFLOW)).isEmpty();
    }

    @Test
    void reachingTheDiskLimitIsReportedOncePerEpisodeWithCountAndTimeSpan() {
        Altertable altertable = start(builder().durableQueueMaxBytes(SMALL_DISK));

        track(altertable, 0, 1500);
        ticker.advance(Duration.ofSeconds(61));
        track(altertable, 1500, 3000);
        assertThat(altertable.overflowWarnings()).as("a warning at the start and one a minute later, not one per drop")
                .isEqualTo(2);
        int accepted = altertable.queuedCount();
        assertThat(accepted).isBetween(100, 1000);

        DurableQueueTest.flushUntilEmpty(altertable);
        altertable.track("After", "user-1"); // there is room again
        DurableQueueTest.flushUntilEmpty(altertable);

        List<DeliveryFailure> overflows = failuresOf(DeliveryFailure.Kind.QUEUE_OVERFLOW);
        assertThat(overflows).hasSize(1);
        DeliveryFailure overflow = overflows.get(0);
        assertThat(overflow.payloadCount()).isEqualTo(3000 - accepted);
        assertThat(overflow.firstOccurredAt()).isPresent();
        assertThat(overflow.lastOccurredAt()).isPresent();
        assertThat(overflow.message()).contains("durable queue")
                .contains((3000 - accepted) + " new payloads were dropped")
                .contains("durableQueueMaxBytes");
        assertThat(events()).hasSize(accepted + 1).containsExactlyElementsOf(concat(names(0, accepted), "After"));
    }

    @Test
    void withoutADurableQueueOverflowIsReportedOncePerEpisodeToo() {
        Altertable altertable = start(TestSupport.clientFor(fake, ticker, new RecordingSleeper())
                .flushAt(1000).flushInterval(Duration.ofHours(1)).queueCapacity(10).onError(failures::add));

        track(altertable, 0, 1000);
        FlushResult result = altertable.flush();

        assertThat(result.deliveredCount()).isEqualTo(10);
        assertThat(events()).containsExactlyElementsOf(names(990, 1000));
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DeliveryFailure.Kind.QUEUE_OVERFLOW);
            assertThat(f.payloadCount()).isEqualTo(990);
            assertThat(f.payloads()).hasSize(io.tally.core.delivery.DeliveryPipeline.OVERFLOW_SAMPLE);
            assertThat(f.payloads().get(0)).contains("\"event\":\"E0\"");
        });
        assertThat(altertable.overflowWarnings()).isEqualTo(1);
    }

    // ---- a failing disk --------------------------------------------------------------------------

    @Test
    void afterADiskFullTheClientGoesBackToDurableModeAndReportsWhatWasHeldInMemory() {
        AtomicBoolean full = new AtomicBoolean();
        DurableLog.Io io = (file, length) -> full.get() ? length / 3 : length; // a short write, then an error
        Altertable first = start(builder().durableQueueIo(io));

        track(first, 0, 10);
        full.set(true);
        track(first, 10, 30); // the disk is full: held in memory only
        full.set(false);
        ticker.advance(Duration.ofSeconds(3)); // the disk is tried again at the next call after a second
        track(first, 30, 40);
        List<DeliveryFailure> storage = awaitFailures(DeliveryFailure.Kind.STORAGE, 2);
        first.crashForTesting(); // what is not on disk now would be lost

        assertThat(storage.get(0).message()).contains("could not write to the durable queue").contains("memory only");
        assertThat(storage.get(1).message()).contains("accepts writes again after 3 s")
                .contains("20 payloads queued meanwhile were held in memory only").contains("the 20 still unsent");
        assertThat(storage.get(1).payloadCount()).isEqualTo(20);
        failures.clear();
        Altertable second = start(builder());
        DurableQueueTest.flushUntilEmpty(second);
        assertThat(events()).containsExactlyElementsOf(names(0, 40));
        assertThat(failures).as("the torn writes left no damage behind").isEmpty();
    }

    @Test
    void whileTheDiskFailsTheMemoryHoldsAtMostTheQueueCapacity() {
        DurableLog.Io broken = (file, length) -> {
            if (file.getFileName().toString().startsWith("segment-")) {
                throw new IOException("Input/output error");
            }
            return length;
        };
        Altertable altertable = start(builder().queueCapacity(50).durableQueueIo(broken));

        track(altertable, 0, 200);

        assertThat(altertable.queuedCount()).isEqualTo(50);
        DurableQueueTest.flushUntilEmpty(altertable);
        assertThat(events()).containsExactlyElementsOf(names(150, 200));
        assertThat(failuresOf(DeliveryFailure.Kind.QUEUE_OVERFLOW)).singleElement()
                .satisfies(f -> assertThat(f.payloadCount()).isEqualTo(150));
    }

    // ---- damaged files ---------------------------------------------------------------------------

    @Test
    void aCursorWithAFlippedBitMeansResendingNotSkipping() throws IOException {
        Altertable first = start(builder());
        track(first, 0, 20);
        assertThat(first.flush().isSuccess()).isTrue();
        track(first, 20, 30);
        first.crashForTesting();
        byte[] cursor = Files.readAllBytes(dir.resolve("cursor"));
        cursor[2] ^= 0x08;
        Files.write(dir.resolve("cursor"), cursor);

        Altertable second = start(builder());
        DurableQueueTest.flushUntilEmpty(second);

        List<String> events = events();
        for (String name : names(20, 30)) {
            assertThat(Collections.frequency(events, name)).as(name).isEqualTo(1);
        }
        assertThat(events).as("delivered ones may come twice: at least once").containsAll(names(0, 20));
        assertThat(failuresOf(DeliveryFailure.Kind.STORAGE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("cursor").contains("sent again"));
    }

    @Test
    void aLostNewlineInDeliveredDataShiftsNothing() throws IOException {
        Altertable first = start(builder());
        track(first, 0, 20);
        assertThat(first.flush().isSuccess()).isTrue();
        track(first, 20, 25);
        first.crashForTesting();
        Path segment = segments().get(0);
        byte[] bytes = Files.readAllBytes(segment);
        int newline = indexOf(bytes, (byte) '\n');
        assertThat(newline).as("a 0x0a byte in the delivered part").isBetween(0, indexOf(bytes, "\"E20\""));
        byte[] shorter = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, shorter, 0, newline);
        System.arraycopy(bytes, newline + 1, shorter, newline, bytes.length - newline - 1);
        Files.write(segment, shorter);

        Altertable second = start(builder());
        DurableQueueTest.flushUntilEmpty(second);

        assertThat(events()).containsExactlyElementsOf(names(0, 25));
        assertThat(failures).isEmpty();
    }

    @Test
    void aTruncatedTailIsReportedWithItsCount() throws IOException {
        Altertable first = start(builder());
        track(first, 0, 10);
        first.crashForTesting();
        Path segment = segments().get(0);
        byte[] bytes = Files.readAllBytes(segment);
        Files.write(segment, java.util.Arrays.copyOf(bytes, bytes.length - 20));

        Altertable second = start(builder());
        DurableQueueTest.flushUntilEmpty(second);

        assertThat(events()).containsExactlyElementsOf(names(0, 9));
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DeliveryFailure.Kind.STORAGE);
            assertThat(f.payloadCount()).isEqualTo(1);
            assertThat(f.message()).contains("1 record was damaged or missing");
        });
    }

    @Test
    void aDeletedMiddleSegmentLosesOnlyItsRecordsAndReportsThem() throws IOException {
        Altertable first = start(builder().durableQueueMaxBytes(SMALL_DISK));
        track(first, 0, 100);
        first.crashForTesting();
        List<Path> segments = segments();
        assertThat(segments.size()).isGreaterThan(3);
        Files.delete(segments.get(2));

        Altertable second = start(builder().durableQueueMaxBytes(SMALL_DISK));
        DurableQueueTest.flushUntilEmpty(second);

        List<String> events = events();
        int lost = 100 - events.size();
        assertThat(lost).isGreaterThan(0);
        List<String> missing = new ArrayList<>(names(0, 100));
        missing.removeAll(events);
        assertThat(missing).hasSize(lost);
        int firstMissing = Integer.parseInt(missing.get(0).substring(1));
        assertThat(missing).as("one contiguous run: the deleted segment").containsExactlyElementsOf(
                names(firstMissing, firstMissing + lost));
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DeliveryFailure.Kind.STORAGE);
            assertThat(f.payloadCount()).isEqualTo(lost);
            assertThat(f.message()).contains(lost + " records were damaged or missing")
                    .contains("segment files missing");
        });
    }

    @Test
    void aFlippedBitInAnUnsentRecordLosesOnlyThatRecord() throws IOException {
        Altertable first = start(builder());
        track(first, 0, 10);
        first.crashForTesting();
        Path segment = segments().get(0);
        byte[] bytes = Files.readAllBytes(segment);
        bytes[indexOf(bytes, "\"E4\"") + 2] ^= 0x01;
        Files.write(segment, bytes);

        Altertable second = start(builder());
        DurableQueueTest.flushUntilEmpty(second);

        List<String> expected = new ArrayList<>(names(0, 10));
        expected.remove("E4");
        assertThat(events()).containsExactlyElementsOf(expected);
        assertThat(failures).singleElement().satisfies(f -> assertThat(f.payloadCount()).isEqualTo(1));
    }

    // ---- kill -9 ---------------------------------------------------------------------------------

    @Test
    void aProducerKilledMidStreamThreeTimesLosesNothing() throws Exception {
        Set<String> required = new HashSet<>();
        for (int run = 0; run < 3; run++) {
            if (run == 1) {
                fake.failNext(40, Fault.serverError()); // the sink fails for a while: a backlog builds up on disk
            }
            required.addAll(runAndKill(run, 3 + 2 * run));
        }
        Altertable last = start(builder());
        DurableQueueTest.flushUntilEmpty(last);

        Set<String> delivered = new HashSet<>(events());
        assertThat(required).hasSizeGreaterThanOrEqualTo(3 * 300);
        assertThat(delivered).as("every event tracked before a kill reached the sink").containsAll(required);
        assertThat(failuresOf(DeliveryFailure.Kind.STORAGE)).as("kill -9 damages nothing").isEmpty();
    }

    /**
     * Starts a producer JVM, lets it track {@code batches} batches of 100 while its sender delivers,
     * asks for one more and kills it (SIGKILL) without waiting: the kill lands mid-batch and
     * mid-delivery. Returns the events it had confirmed as tracked.
     */
    private List<String> runAndKill(int run, int batches) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"),
                KilledProducer.class.getName(), dir.toString(), fake.baseUrl(), fake.apiKey(), "R" + run)
                .redirectError(dir.resolve("producer-" + run + ".err").toFile())
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ended) {
                // the process was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        List<String> confirmed = new ArrayList<>();
        try (Writer out = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            for (int b = 0; b < batches; b++) {
                out.write("more\n");
                out.flush();
                String line = lines.poll(60, TimeUnit.SECONDS);
                assertThat(line).as("the producer answers").isNotNull().startsWith("tracked ");
                int count = Integer.parseInt(line.substring("tracked ".length()));
                for (int i = confirmed.size(); i < count; i++) {
                    confirmed.add("R" + run + "-" + i);
                }
            }
            out.write("more\n");
            out.flush();
            process.destroyForcibly();
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the producer is gone").isTrue();
        assertThat(process.exitValue()).as("killed, not ended").isNotZero();
        return confirmed;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] bytes, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        outer : for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(text + " not found");
    }

    private static List<String> concat(List<String> list, String last) {
        List<String> out = new ArrayList<>(list);
        out.add(last);
        return out;
    }

    private List<DeliveryFailure> awaitFailures(DeliveryFailure.Kind kind, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (failuresOf(kind).size() < count && System.nanoTime() - deadline < 0) {
            Thread.yield();
        }
        assertThat(failuresOf(kind)).hasSize(count);
        return failuresOf(kind);
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("segment-")).sorted()
                    .collect(Collectors.toList());
        }
    }

    /**
     * Tracks 100 events per {@code more} line read from stdin and answers {@code tracked <count>}
     * once they are queued; its sender delivers meanwhile. Runs until killed.
     */
    public static final class KilledProducer {
        public static void main(String[] args) throws IOException {
            Altertable altertable = Altertable.builder()
                    .durableQueue(new File(args[0]).toPath())
                    .baseUrl(args[1])
                    .apiKey(args[2])
                    .flushAt(20)
                    .maxBatchSize(50)
                    .flushInterval(Duration.ofMillis(20))
                    .queueCapacity(150)
                    .build();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            int next = 0;
            while (in.readLine() != null) {
                for (int i = 0; i < 100; i++) {
                    altertable.track(args[3] + "-" + next++, "user-1");
                }
                System.out.println("tracked " + next);
                System.out.flush();
            }
            Runtime.getRuntime().halt(3); // stdin closed without a kill: not what the test wants
        }
    }
}
