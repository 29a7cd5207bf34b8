package io.tally.altertable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tally.testkit.ManualTicker;
import io.tally.testkit.RecordingSleeper;
import io.tally.testkit.altertable.FakeAltertable;
import io.tally.testkit.altertable.Fault;
import io.tally.testkit.altertable.RecordedEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
        Altertable a = builder().build();
        clients.add(a);
        return a;
    }

    private Altertable.Builder builder() {
        return TestSupport.clientFor(fake, new ManualTicker(), new RecordingSleeper())
                .flushAt(1000)
                .durableQueue(dir)
                .onError(failures::add);
    }

    /** Flushes until nothing is queued; each flush is one round, so a bounded number of them. */
    static void flushUntilEmpty(Altertable a) {
        for (int i = 0; i < 200 && a.queuedCount() > 0; i++) {
            a.flush();
        }
        assertThat(a.queuedCount()).isZero();
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
        Altertable first = TestSupport.clientFor(fake, new ManualTicker(), new RecordingSleeper())
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
    void aDamagedRecordAndATornTailCostOnlyThemselvesAndAreReported() throws IOException {
        Altertable first = client();
        track(first, 0, 3);
        first.crashForTesting();
        Path segment = segments().get(0);
        byte[] bytes = Files.readAllBytes(segment);
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("\"E1\"", "\"X1\"");
        byte[] damaged = text.getBytes(StandardCharsets.ISO_8859_1); // the checksum no longer matches
        byte[] torn = "0badc0de track {\"event\":\"torn".getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(damaged, damaged.length + torn.length);
        System.arraycopy(torn, 0, out, damaged.length, torn.length);
        Files.write(segment, out);

        Altertable second = client();
        second.flush();

        assertThat(events()).containsExactly("E0", "E2");
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DeliveryFailure.Kind.STORAGE);
            assertThat(f.message()).contains("at least 2 records were damaged or missing");
            assertThat(f.payloadCount()).isEqualTo(2);
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
    void theMemoryCapacityDoesNotLimitWhatWaitsOnDisk() {
        Altertable first = builder().queueCapacity(10).build();
        track(first, 0, 15);
        first.crashForTesting();

        Altertable second = builder().queueCapacity(10).build();
        clients.add(second);
        assertThat(second.queuedCount()).isEqualTo(15);
        flushUntilEmpty(second);
        assertThat(events()).containsExactlyElementsOf(names(0, 15));
        assertThat(failures).isEmpty();
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("segment-")).sorted()
                    .collect(Collectors.toList());
        }
    }
}
