package io.tally.altertable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tally.testkit.RecordingSleeper;
import io.tally.testkit.altertable.FakeAltertable;
import io.tally.testkit.altertable.Fault;
import io.tally.testkit.altertable.RecordedEvent;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable queue: a crash or restart loses nothing, and what was acknowledged is not sent again. */
class DurableQueueTest {
    @TempDir
    Path dir;

    private final FakeAltertable fake = FakeAltertable.start();
    private final List<DeliveryFailure> failures = new CopyOnWriteArrayList<>();
    private final List<Altertable> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        for (Altertable a : clients) {
            a.close();
        }
        fake.close();
    }

    private Altertable client() {
        Altertable a = TestSupport.clientFor(fake, new TestSupport.ManualTicker(), new RecordingSleeper())
                .flushAt(1000)
                .durableQueue(dir)
                .onError(failures::add)
                .build();
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

    @Test
    void whatACrashedClientQueuedIsSentByTheNextOne() {
        Altertable first = client();
        track(first, 0, 50);
        first.crashForTesting();
        assertThat(fake.requestCount()).isZero();

        Altertable second = client();
        assertThat(second.queuedCount()).isEqualTo(50);
        assertThat(second.flush().deliveredCount()).isEqualTo(50);
        assertThat(events()).containsExactlyElementsOf(names(0, 50));

        second.close();
        Altertable third = client();
        assertThat(third.queuedCount()).as("acknowledged payloads are not replayed").isZero();
    }

    @Test
    void acknowledgedPayloadsAreNotResentAfterACrash() {
        Altertable first = client();
        track(first, 0, 30);
        assertThat(first.flush().isSuccess()).isTrue();
        track(first, 30, 40);
        first.crashForTesting();

        Altertable second = client();
        second.flush();
        assertThat(events()).containsExactlyElementsOf(names(0, 40));
    }

    @Test
    void aCrashWhileTheServerIsDownLosesNothing() {
        fake.failNext(100, Fault.serverError());
        Altertable first = client();
        track(first, 0, 20);
        assertThat(first.flush().pendingCount()).isEqualTo(20);
        first.crashForTesting();
        fake.reset();

        Altertable second = client();
        assertThat(second.flush().isSuccess()).isTrue();
        assertThat(events()).containsExactlyElementsOf(names(0, 20));
    }

    @Test
    void closingWhileTheServerIsDownKeepsThePayloadsOnDisk() {
        fake.failNext(100, Fault.serverError());
        Altertable first = TestSupport.clientFor(fake, new TestSupport.ManualTicker(), new RecordingSleeper())
                .flushAt(1000).maxRetries(0).durableQueue(dir).onError(failures::add).build();
        track(first, 0, 5);
        first.close();
        assertThat(failures).extracting(DeliveryFailure::kind).doesNotContain(DeliveryFailure.Kind.CLOSED);
        fake.reset();

        Altertable second = client();
        second.flush();
        assertThat(events()).containsExactlyElementsOf(names(0, 5));
    }

    @Test
    void aTornLastRecordIsIgnoredAndADamagedOneSkippedAndReported() throws IOException {
        Altertable first = client();
        track(first, 0, 3);
        first.crashForTesting();
        Path segment = segments().get(0);
        List<String> lines = Files.readAllLines(segment, StandardCharsets.UTF_8);
        lines.set(1, lines.get(1).replace("\"E1\"", "\"X1\"")); // the checksum no longer matches
        Files.write(segment, (String.join("\n", lines) + "\n" + "0badc0de track {\"event\":\"torn").getBytes(StandardCharsets.UTF_8));

        Altertable second = client();
        second.flush();

        assertThat(events()).containsExactly("E0", "E2");
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DeliveryFailure.Kind.STORAGE);
            assertThat(f.message()).contains("1 damaged records");
        });
    }

    @Test
    void oneClientPerDirectory() {
        Altertable first = client();
        assertThatThrownBy(this::client)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("already used by another Altertable client");
        first.close();
        Altertable second = client();
        second.track("E", "user-1");
        assertThat(second.flush().isSuccess()).isTrue();
    }

    @Test
    void overflowAlsoAppliesToThePayloadsOnDisk() {
        Altertable first = TestSupport.clientFor(fake, new TestSupport.ManualTicker(), new RecordingSleeper())
                .flushAt(1000).queueCapacity(10).durableQueue(dir).onError(failures::add).build();
        track(first, 0, 15);
        first.crashForTesting();

        Altertable second = TestSupport.clientFor(fake, new TestSupport.ManualTicker(), new RecordingSleeper())
                .flushAt(1000).queueCapacity(10).durableQueue(dir).onError(failures::add).build();
        clients.add(second);
        second.flush();
        // the first client dropped E0–E4 but crashed before recording that; the second drops them again on load
        assertThat(events()).containsExactlyElementsOf(names(5, 15));
    }

    @Test
    void aKilledProcessLosesNothing() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingProducer.class.getName(), dir.toString(), fake.baseUrl(), fake.apiKey(), "25")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("producer.log").toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the producer process ends").isTrue();
        assertThat(process.exitValue()).as("halted, as by kill -9").isEqualTo(CrashingProducer.HALT_STATUS);
        assertThat(fake.requestCount()).isZero();

        Altertable next = client();
        assertThat(next.flush().deliveredCount()).isEqualTo(25);
        assertThat(events()).containsExactlyElementsOf(names(0, 25));
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("segment-")).sorted()
                    .collect(Collectors.toList());
        }
    }

    /** Queues events with a durable queue, then halts the JVM: no close, no flush, no shutdown hooks. */
    public static final class CrashingProducer {
        static final int HALT_STATUS = 137;

        public static void main(String[] args) {
            Altertable altertable = Altertable.builder()
                    .durableQueue(new File(args[0]).toPath())
                    .baseUrl(args[1])
                    .apiKey(args[2])
                    .flushAt(1_000_000)
                    .flushInterval(java.time.Duration.ofHours(1))
                    .build();
            int count = Integer.parseInt(args[3]);
            for (int i = 0; i < count; i++) {
                altertable.track("E" + i, "user-1");
            }
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }
}
