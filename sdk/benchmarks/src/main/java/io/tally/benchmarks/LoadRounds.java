package io.tally.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs several call targets side by side: a warm-up, then interleaved rounds (every target once per round, the
 * order rotated each round), each round with N caller threads calling as fast as they can for a fixed time. Gives
 * per target the median over rounds of p50, p99, throughput, bytes allocated and CPU time per call (ThreadMXBean,
 * summed over every thread of this JVM except the loopback server's, so client library threads count too), and every
 * round's figures, so that a caller can compare two targets round by round (the rounds of one index ran close together
 * in time, under about the same load from the rest of the machine).
 */
final class LoadRounds {
    /** One call of a target; throws to fail the benchmark. */
    interface Call {
        void call() throws Exception;
    }

    /** Index of a figure in a round's array: p50 µs, p99 µs, calls/s, bytes/call, CPU µs/call. */
    static final int P50 = 0;
    static final int P99 = 1;
    static final int CALLS_PER_SECOND = 2;
    static final int BYTES = 3;
    static final int CPU = 4;

    /**
     * Medians over the rounds of one target at one caller count, and each round's figures in round order
     * ({@link #P50}, {@link #P99}, {@link #CALLS_PER_SECOND}, {@link #BYTES}, {@link #CPU}).
     */
    record Result(String target, int callers, double p50Micros, double p99Micros, double callsPerSecond,
            double bytesPerCall, double cpuMicrosPerCall, List<double[]> rounds) {

        /** The median over the rounds of this target's figure divided by {@code floor}'s in the same round. */
        double medianRatio(Result floor, int figure) {
            return median(ratios(floor, figure), 0);
        }

        /** The lowest and highest round-by-round ratio to {@code floor}. */
        double[] ratioRange(Result floor, int figure) {
            double[] sorted = ratios(floor, figure).stream().mapToDouble(r -> r[0]).sorted().toArray();
            return new double[] {sorted[0], sorted[sorted.length - 1]};
        }

        private List<double[]> ratios(Result floor, int figure) {
            List<double[]> out = new ArrayList<>();
            for (int i = 0; i < Math.min(rounds.size(), floor.rounds.size()); i++) {
                out.add(new double[] {rounds.get(i)[figure] / floor.rounds.get(i)[figure]});
            }
            return out;
        }
    }

    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
            .getThreadMXBean();

    private LoadRounds() {}

    static List<Result> run(Map<String, Call> targets, int callers, long warmupMillis, int rounds, long roundMillis) {
        THREADS.setThreadAllocatedMemoryEnabled(true);
        THREADS.setThreadCpuTimeEnabled(true);
        List<String> names = new ArrayList<>(targets.keySet());
        for (String name : names) {
            round(targets.get(name), callers, warmupMillis);
        }
        Map<String, List<double[]>> samples = new LinkedHashMap<>();
        names.forEach(n -> samples.put(n, new ArrayList<>()));
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((i + r) % names.size());
                samples.get(name).add(round(targets.get(name), callers, roundMillis));
            }
        }
        List<Result> out = new ArrayList<>();
        for (String name : names) {
            List<double[]> s = samples.get(name);
            out.add(new Result(name, callers, median(s, P50), median(s, P99), median(s, CALLS_PER_SECOND),
                    median(s, BYTES), median(s, CPU), List.copyOf(s)));
        }
        return out;
    }

    /** One round: {p50 µs, p99 µs, calls/s, bytes/call, CPU µs/call}. */
    private static double[] round(Call call, int callers, long millis) {
        long[][] latencies = new long[callers][];
        int[] counts = new int[callers];
        long[] allocations = new long[callers];
        long[] cpuNanos = new long[callers];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] threads = new Thread[callers];
        long[] endAt = new long[1];
        for (int t = 0; t < callers; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                long allocatedAtStart = 0;
                long cpuAtStart = 0;
                try {
                    start.await();
                    allocatedAtStart = THREADS.getCurrentThreadAllocatedBytes();
                    cpuAtStart = THREADS.getCurrentThreadCpuTime();
                    while (System.nanoTime() < endAt[0]) {
                        long began = System.nanoTime();
                        call.call();
                        long took = System.nanoTime() - began;
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = took;
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
                allocations[id] = THREADS.getCurrentThreadAllocatedBytes() - allocatedAtStart;
                cpuNanos[id] = THREADS.getCurrentThreadCpuTime() - cpuAtStart;
                latencies[id] = mine;
                counts[id] = n;
            }, "bench-caller-" + t);
            threads[t].start();
        }
        long allocatedBefore = allocatedByClients();
        long cpuBefore = cpuByClients();
        long began = System.nanoTime();
        endAt[0] = began + millis * 1_000_000L;
        start.countDown();
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        long elapsed = System.nanoTime() - began;
        // the callers' own allocation (measured in each thread) plus that of the client libraries' threads
        long allocated = allocatedByClients() - allocatedBefore + Arrays.stream(allocations).sum();
        long cpu = cpuByClients() - cpuBefore + Arrays.stream(cpuNanos).sum();
        if (failure.get() != null) {
            throw new IllegalStateException("a call failed: " + failure.get(), failure.get());
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int t = 0; t < callers; t++) {
            System.arraycopy(latencies[t], 0, all, k, counts[t]);
            k += counts[t];
        }
        Arrays.sort(all);
        double calls = Math.max(1, total);
        return new double[] {
                percentile(all, 0.50) / 1000.0, percentile(all, 0.99) / 1000.0, total / (elapsed / 1e9),
                allocated / calls, cpu / calls / 1000.0
        };
    }

    private static long allocatedByClients() {
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("loopback-http") || t.getName().startsWith("bench-caller")) {
                continue; // the server's work is not the client's; callers count themselves
            }
            long bytes = THREADS.getThreadAllocatedBytes(t.getId());
            if (bytes > 0) {
                sum += bytes;
            }
        }
        return sum;
    }

    /** CPU time of the client libraries' own threads (the same threads as {@link #allocatedByClients()}). */
    private static long cpuByClients() {
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("loopback-http") || t.getName().startsWith("bench-caller")) {
                continue;
            }
            long nanos = THREADS.getThreadCpuTime(t.getId());
            if (nanos > 0) {
                sum += nanos;
            }
        }
        return sum;
    }

    static long percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double median(List<double[]> rounds, int metric) {
        double[] values = rounds.stream().mapToDouble(r -> r[metric]).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
