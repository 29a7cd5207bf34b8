package io.tally.benchmarks;

import io.tally.benchmarks.IngestBenchmark.HeapResult;
import io.tally.benchmarks.IngestBenchmark.RunResult;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** Prints the run's settings, one line per library per round, and the summary table. */
final class Report {

    private final IngestOptions options;
    private final DriverSettings settings;

    Report(IngestOptions options, DriverSettings settings) {
        this.options = options;
        this.settings = settings;
    }

    void printHeader() {
        Runtime runtime = Runtime.getRuntime();
        List<String> collectors = new ArrayList<>();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            collectors.add(collector.getName());
        }
        System.out.printf(
                Locale.ROOT,
                "Ingest benchmark: %,d events per run from %d threads, %d rounds (+%d warm-up), "
                        + "heap sample %,d events%n",
                options.events(),
                options.threads(),
                options.rounds(),
                options.warmupRounds(),
                options.heapEvents());
        System.out.printf(
                Locale.ROOT,
                "Machine: %d cores, Java %s (%s), max heap %,d MiB, GC %s%n",
                runtime.availableProcessors(),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                runtime.maxMemory() / (1024 * 1024),
                String.join(" + ", collectors));
        System.out.println("Sink: " + settings.sinkUrl() + " (in-process HTTP/1.1 with keep-alive, counts events)");
        System.out.println("Clients:");
        for (Library library : options.libraries()) {
            System.out.printf("  %-16s %s%n", library.label(), library.describe(settings));
        }
        System.out.println();
    }

    /**
     * One line per library and round: events/s, latency percentiles, heap per queued event, time to
     * enqueue and to deliver, requests the sink received, and the zero-loss verdict.
     *
     * @param round {@code "round 1"}, {@code "round 2"}, … or {@code "warm-up"}
     */
    void printRound(String round, Library library, RunResult run, HeapResult held) {
        System.out.printf(
                Locale.ROOT,
                "%-8s %-16s %,9.0f ev/s  p50 %,6d ns  p99 %,7d ns  %,5.0f B/ev  "
                        + "enqueued %,6d ms  delivered %,6d ms  %,6d requests  %s%n",
                round,
                library.label(),
                run.eventsPerSecond(),
                run.p50Nanos(),
                run.p99Nanos(),
                held.bytesPerEvent(),
                run.enqueueNanos() / 1_000_000,
                run.deliveredNanos() / 1_000_000,
                run.requests(),
                verdict(run, held));
    }

    /**
     * Prints medians across the measured rounds with ratios against Tally, and the zero-loss
     * verdicts, which also cover the warm-up rounds.
     *
     * @return whether every run of every library delivered exactly what it sent
     */
    boolean printSummary(
            Map<Library, List<RunResult>> throughput,
            Map<Library, List<HeapResult>> heap,
            Map<Library, List<RunResult>> warmupThroughput,
            Map<Library, List<HeapResult>> warmupHeap,
            Set<String> unexpectedPaths) {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "Medians of %d rounds; x = this library / Tally (events/s: higher is better; latency and"
                        + " heap: lower is better)%n",
                options.rounds());
        String format = "%-16s | %10s %7s | %8s %7s | %9s %7s | %12s %7s | %s%n";
        System.out.printf(
                Locale.ROOT,
                format,
                "library",
                "events/s",
                "x",
                "p50 ns",
                "x",
                "p99 ns",
                "x",
                "heap B/event",
                "x",
                "zero loss");
        Median tally = throughput.containsKey(Library.TALLY)
                ? Median.of(throughput.get(Library.TALLY), heap.get(Library.TALLY))
                : null;
        boolean allDelivered = true;
        for (Library library : options.libraries()) {
            List<RunResult> runs = throughput.get(library);
            List<HeapResult> helds = heap.get(library);
            Median median = Median.of(runs, helds);
            List<RunResult> checkedRuns = new ArrayList<>(warmupThroughput.get(library));
            checkedRuns.addAll(runs);
            List<HeapResult> checkedHelds = new ArrayList<>(warmupHeap.get(library));
            checkedHelds.addAll(helds);
            String loss = lossVerdict(checkedRuns, checkedHelds);
            allDelivered &= loss.startsWith("PASS");
            System.out.printf(
                    Locale.ROOT,
                    format,
                    library.label(),
                    String.format(Locale.ROOT, "%,.0f", median.eventsPerSecond),
                    ratio(median.eventsPerSecond, tally == null ? 0 : tally.eventsPerSecond),
                    String.format(Locale.ROOT, "%,.0f", median.p50Nanos),
                    ratio(median.p50Nanos, tally == null ? 0 : tally.p50Nanos),
                    String.format(Locale.ROOT, "%,.0f", median.p99Nanos),
                    ratio(median.p99Nanos, tally == null ? 0 : tally.p99Nanos),
                    String.format(Locale.ROOT, "%,.0f", median.bytesPerEvent),
                    ratio(median.bytesPerEvent, tally == null ? 0 : tally.bytesPerEvent),
                    loss);
        }
        if (!unexpectedPaths.isEmpty()) {
            System.out.println("Other requests the clients made (answered 200 {}): " + unexpectedPaths);
        }
        System.out.println(allDelivered ? "Zero-loss check: PASS" : "Zero-loss check: FAIL");
        return allDelivered;
    }

    private static String verdict(RunResult run, HeapResult held) {
        StringBuilder verdict = new StringBuilder(run.lossless() ? "PASS" : "FAIL");
        if (!run.lossless()) {
            verdict.append(String.format(Locale.ROOT, " (%,d of %,d delivered)", run.delivered(), run.sent()));
        }
        if (!held.lossless()) {
            verdict.append(
                    String.format(
                            Locale.ROOT,
                            " heap run FAIL (%,d of %,d delivered)",
                            held.delivered(),
                            held.expected()));
        } else if (held.delivered() > held.expected()) {
            verdict.append(
                    String.format(
                            Locale.ROOT,
                            " (heap run: %,d duplicates after the blocked sink)",
                            held.delivered() - held.expected()));
        }
        return verdict.toString();
    }

    private static String lossVerdict(List<RunResult> runs, List<HeapResult> helds) {
        long passed = runs.stream().filter(RunResult::lossless).count();
        boolean heapPassed = helds.stream().allMatch(HeapResult::lossless);
        String verdict = passed == runs.size() && heapPassed ? "PASS" : "FAIL";
        return verdict + " (" + passed + "/" + runs.size() + " runs exact)";
    }

    private static String ratio(double value, double tally) {
        if (tally <= 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2fx", value / tally);
    }

    /** Medians across rounds, one per column. */
    private record Median(
            double eventsPerSecond, double p50Nanos, double p99Nanos, double bytesPerEvent) {

        static Median of(List<RunResult> runs, List<HeapResult> helds) {
            return new Median(
                    median(runs, RunResult::eventsPerSecond),
                    median(runs, run -> run.p50Nanos()),
                    median(runs, run -> run.p99Nanos()),
                    median(helds, HeapResult::bytesPerEvent));
        }

        private static <T> double median(List<T> values, ToDoubleFunction<T> metric) {
            double[] sorted = values.stream().mapToDouble(metric).toArray();
            Arrays.sort(sorted);
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }
}
