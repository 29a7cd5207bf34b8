package io.tally.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The {@code ingest} benchmark: Tally's Altertable client, Segment's analytics-java and PostHog's
 * posthog-server send the same events to the same {@link LocalSink}, in interleaved rounds.
 *
 * <p>Each round runs every library twice, in an order that rotates from round to round:
 *
 * <ol>
 *   <li><b>Throughput run.</b> A fresh client; {@code --threads} threads call {@code track} for
 *       {@code --events} events, timing each call; then {@code flush()}, and the clock stops when
 *       the sink has counted every event. events/s = events / (first call → last event received).
 *       After {@code close()} the sink's count must equal the number sent: more or fewer is a loss
 *       failure.
 *   <li><b>Heap run.</b> A fresh client sends 1,000 events to warm its threads and connections;
 *       the sink is then blocked, so nothing more leaves the client; used heap is read after
 *       forced garbage collections before and after {@code --heap-events} more events are queued
 *       (after: once two readings 250 ms apart agree, so the client's threads have settled).
 *       heap B/event = difference / events. The sink is then released and must receive them all.
 * </ol>
 */
final class IngestBenchmark {

    private static final int HEAP_WARM_EVENTS = 1_000;

    private final IngestOptions options;
    private final LocalSink sink;
    private final DriverSettings settings;
    private final Map<Library, List<RunResult>> throughput = new EnumMap<>(Library.class);
    private final Map<Library, List<HeapResult>> heap = new EnumMap<>(Library.class);
    // Warm-up runs count for the zero-loss check, not for the medians.
    private final Map<Library, List<RunResult>> warmupThroughput = new EnumMap<>(Library.class);
    private final Map<Library, List<HeapResult>> warmupHeap = new EnumMap<>(Library.class);

    private IngestBenchmark(IngestOptions options, LocalSink sink) {
        this.options = options;
        this.sink = sink;
        // Every client must hold a whole run without dropping: the heap run's warm-up and queued
        // events, or a throughput run, whichever is larger, with room to spare.
        int capacity = 2 * Math.max(options.events(), options.heapEvents() + HEAP_WARM_EVENTS);
        this.settings = new DriverSettings(sink.baseUrl(), capacity, options.batchSize());
        for (Library library : options.libraries()) {
            throughput.put(library, new ArrayList<>());
            heap.put(library, new ArrayList<>());
            warmupThroughput.put(library, new ArrayList<>());
            warmupHeap.put(library, new ArrayList<>());
        }
    }

    /** Runs the benchmark, prints the report and returns the process exit status. */
    static int run(IngestOptions options) {
        try (LocalSink sink = LocalSink.start()) {
            return new IngestBenchmark(options, sink).run();
        }
    }

    private int run() {
        Report report = new Report(options, settings);
        report.printHeader();
        for (int round = 0; round < options.warmupRounds(); round++) {
            for (Library library : orderFor(round)) {
                RunResult run = measureThroughput(library);
                HeapResult held = measureHeap(library);
                warmupThroughput.get(library).add(run);
                warmupHeap.get(library).add(held);
                report.printRound("warm-up", library, run, held);
            }
        }
        for (int round = 0; round < options.rounds(); round++) {
            for (Library library : orderFor(round)) {
                RunResult run = measureThroughput(library);
                HeapResult held = measureHeap(library);
                throughput.get(library).add(run);
                heap.get(library).add(held);
                report.printRound("round " + (round + 1), library, run, held);
            }
        }
        boolean allDelivered = report.printSummary(
                throughput, heap, warmupThroughput, warmupHeap, sink.unexpectedPaths());
        return allDelivered ? 0 : 1;
    }

    /** Libraries in the order of this round: the list rotated by the round number. */
    private List<Library> orderFor(int round) {
        List<Library> order = new ArrayList<>(options.libraries());
        Collections.rotate(order, -(round % order.size()));
        return order;
    }

    private RunResult measureThroughput(Library library) {
        int events = options.events();
        long[][] latencies = new long[options.threads()][];
        for (int t = 0; t < latencies.length; t++) {
            latencies[t] = new long[Workload.share(events, options.threads(), t)];
        }
        sink.reset();
        settleHeap();
        Workload.Timing enqueued;
        long deliveredNanos;
        boolean complete;
        try (IngestDriver driver = library.open(settings)) {
            enqueued = Workload.enqueue(driver, 0, events, options.threads(), latencies);
            driver.flush();
            complete = awaitDelivery(driver, library, events);
            deliveredNanos = System.nanoTime() - enqueued.startedNanos();
        }
        if (!complete) {
            awaitQuietSink(library);
        }
        // The count after close(): anything a client sends late or twice shows up here.
        long delivered = sink.events(library.route());
        long requests = sink.requests(library.route());
        long[] all = merge(latencies);
        Arrays.sort(all);
        return new RunResult(
                events,
                delivered,
                complete,
                requests,
                enqueued.elapsedNanos(),
                deliveredNanos,
                percentile(all, 0.50),
                percentile(all, 0.99));
    }

    private HeapResult measureHeap(Library library) {
        int events = options.heapEvents();
        int expected = HEAP_WARM_EVENTS + events;
        sink.reset();
        settleHeap();
        long before;
        long after;
        boolean complete;
        try (IngestDriver driver = library.open(settings)) {
            Workload.enqueue(driver, 0, HEAP_WARM_EVENTS, 1, null);
            driver.flush();
            awaitDelivery(driver, library, HEAP_WARM_EVENTS);
            sink.block();
            try {
                before = usedHeapAfterGc();
                Workload.enqueue(driver, HEAP_WARM_EVENTS, events, options.threads(), null);
                after = settledUsedHeap(before);
            } finally {
                sink.unblock();
            }
            driver.flush();
            complete = awaitDelivery(driver, library, expected);
        }
        if (!complete) {
            awaitQuietSink(library);
        }
        long delivered = sink.events(library.route());
        return new HeapResult(events, (double) (after - before) / events, expected, delivered, complete);
    }

    /**
     * Waits until the sink has {@code expected} events from this library, flushing again on every
     * pass for clients whose flush sends one batch. Returns false on timeout.
     */
    private boolean awaitDelivery(IngestDriver driver, Library library, long expected) {
        long deadline = System.nanoTime() + options.deliveryTimeout().toNanos();
        while (sink.events(library.route()) < expected) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            if (driver.flushSendsOneBatch()) {
                driver.flush();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return true;
    }

    /**
     * After a run that timed out, waits until the closed client stops sending (no new event for
     * 500 ms, 10 s at most), so its stragglers are not counted for the next run.
     */
    private void awaitQuietSink(Library library) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long seen = -1;
        while (System.nanoTime() < deadline) {
            long now = sink.events(library.route());
            if (now == seen) {
                return;
            }
            seen = now;
            sleep(Duration.ofMillis(500));
        }
    }

    /** Leaves no garbage from the previous run for the next one to pay for. */
    private static void settleHeap() {
        System.gc();
        sleep(Duration.ofMillis(50));
    }

    /**
     * Used heap after several full collections (G1 runs a full GC on {@code System.gc()}), with a
     * pause between them so references cleared by one are reclaimed by the next.
     */
    static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            sleep(Duration.ofMillis(30));
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /**
     * Used heap once the client's background threads have done what they can with the sink blocked:
     * a client may still be moving events between its own structures (Segment's looper cuts batches
     * for a second or more after the last {@code enqueue}), and the transient state is not what a
     * queued event costs. Reads until two readings 250 ms apart agree within 1 % of the growth.
     */
    private static long settledUsedHeap(long before) {
        long previous = usedHeapAfterGc();
        for (int attempt = 0; attempt < 20; attempt++) {
            sleep(Duration.ofMillis(250));
            long current = usedHeapAfterGc();
            long tolerance = Math.max(64 * 1024, Math.abs(previous - before) / 100);
            if (Math.abs(current - previous) <= tolerance) {
                return current;
            }
            previous = current;
        }
        return previous;
    }

    private static long[] merge(long[][] parts) {
        int length = 0;
        for (long[] part : parts) {
            length += part.length;
        }
        long[] all = new long[length];
        int offset = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }

    /** Nearest-rank percentile of a sorted array. */
    static long percentile(long[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One throughput run.
     *
     * @param sent events passed to {@code track}
     * @param delivered events the sink counted, read after {@code close()}
     * @param complete whether the sink had them all before the delivery timeout
     * @param requests HTTP requests the sink received
     * @param enqueueNanos first {@code track} call until the last one returned
     * @param deliveredNanos first {@code track} call until the sink had every event
     * @param p50Nanos median duration of one {@code track} call
     * @param p99Nanos 99th percentile duration of one {@code track} call
     */
    record RunResult(
            long sent,
            long delivered,
            boolean complete,
            long requests,
            long enqueueNanos,
            long deliveredNanos,
            long p50Nanos,
            long p99Nanos) {

        /** Events the sink received per second; a run that lost events counts only those. */
        double eventsPerSecond() {
            return Math.min(sent, delivered) * 1e9 / deliveredNanos;
        }

        boolean lossless() {
            return complete && delivered == sent;
        }
    }

    /**
     * One heap run.
     *
     * @param queued events held in the client while the sink was blocked
     * @param bytesPerEvent heap growth divided by {@code queued}
     * @param expected events the sink must receive in the run (warm-up included)
     * @param delivered events the sink counted, read after {@code close()}
     * @param complete whether the sink had them all before the delivery timeout
     */
    record HeapResult(
            long queued, double bytesPerEvent, long expected, long delivered, boolean complete) {

        boolean lossless() {
            return complete && delivered >= expected;
        }
    }
}
