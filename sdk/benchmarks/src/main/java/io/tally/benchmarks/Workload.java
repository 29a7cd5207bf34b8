package io.tally.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The events every library sends, and the threads that send them.
 *
 * <p>Each event is {@code "Order Completed"} for one of 1,024 users with four properties (a unique
 * order id, an amount, a currency, a flag) in a fresh {@code HashMap}, as application code builds
 * one per call. Building the map is outside the timed {@code track} call.
 */
final class Workload {

    static final String EVENT = "Order Completed";
    private static final String[] USERS = new String[1024];

    static {
        for (int i = 0; i < USERS.length; i++) {
            USERS[i] = "user-" + i;
        }
    }

    private Workload() {}

    static String distinctId(int index) {
        return USERS[index & (USERS.length - 1)];
    }

    static Map<String, Object> properties(int index) {
        Map<String, Object> properties = new HashMap<>(8);
        properties.put("order_id", "order-" + index);
        properties.put("amount_cents", 1_999 + index % 1_000);
        properties.put("currency", "EUR");
        properties.put("first_purchase", (index & 7) == 0);
        return properties;
    }

    /**
     * Calls {@code track} {@code events} times from {@code threads} threads that start together.
     *
     * @param latencies when not null, one array per thread, each as long as that thread's share,
     *     receives the duration of every {@code track} call in nanoseconds
     * @return when the threads were released and when the last one finished
     */
    static Timing enqueue(
            IngestDriver driver, int firstIndex, int events, int threads, long[][] latencies) {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] workers = new Thread[threads];
        int next = firstIndex;
        for (int t = 0; t < threads; t++) {
            int share = share(events, threads, t);
            int from = next;
            long[] timings = latencies == null ? null : latencies[t];
            next += share;
            workers[t] = new Thread(
                    () -> {
                        ready.countDown();
                        try {
                            start.await();
                            send(driver, from, share, timings);
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                    },
                    "enqueue-" + t);
            workers[t].start();
        }
        awaitQuietly(ready);
        long started = System.nanoTime();
        start.countDown();
        for (Thread worker : workers) {
            joinQuietly(worker);
        }
        long finished = System.nanoTime();
        if (failure.get() != null) {
            throw new IllegalStateException("track failed: " + failure.get(), failure.get());
        }
        return new Timing(started, finished);
    }

    /**
     * {@link System#nanoTime()} readings around an {@link #enqueue}.
     *
     * @param startedNanos when the threads were released, after they were created and started
     * @param finishedNanos when the last thread returned from its last {@code track}
     */
    record Timing(long startedNanos, long finishedNanos) {
        long elapsedNanos() {
            return finishedNanos - startedNanos;
        }
    }

    /** Events thread {@code t} sends; the first {@code events % threads} threads send one more. */
    static int share(int events, int threads, int t) {
        return events / threads + (t < events % threads ? 1 : 0);
    }

    private static void send(IngestDriver driver, int from, int count, long[] timings) {
        for (int i = 0; i < count; i++) {
            int index = from + i;
            String distinctId = distinctId(index);
            Map<String, Object> properties = properties(index);
            if (timings == null) {
                driver.track(EVENT, distinctId, properties);
            } else {
                long before = System.nanoTime();
                driver.track(EVENT, distinctId, properties);
                timings[i] = System.nanoTime() - before;
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
