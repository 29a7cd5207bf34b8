package io.tally.altertable;

import io.tally.altertable.internal.DurableLog;
import io.tally.altertable.internal.EventType;
import io.tally.core.RetryPolicy;
import io.tally.core.Sleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery engine behind {@link Altertable}: one FIFO queue of serialised payloads, drained by
 * one daemon sender thread.
 *
 * <p><b>Ordering.</b> The sender always sends the longest run of same-type payloads at the head of
 * the queue (at most {@code maxBatchSize}) and removes it only once it has an outcome, so payloads
 * reach Altertable in the order they were queued, across types, and acknowledgements are always a
 * prefix of the queue (which is what lets the durable log keep a single cursor).
 *
 * <p><b>When a batch goes.</b> As soon as the queue holds {@code flushAt} payloads, when its oldest
 * payload has waited {@code flushInterval}, when someone calls {@link #flush}, and while closing.
 *
 * <p><b>Outcomes.</b> A 2xx removes the batch. A permanent 4xx removes it and reports
 * {@link DeliveryFailure.Kind#REJECTED}. A 413 halves the batch and tries again. A transient
 * failure is retried after the policy's backoff (or the server's {@code Retry-After}); when a
 * round's attempts are used up the batch stays at the head, {@link DeliveryFailure.Kind#UNAVAILABLE}
 * is reported, waiting flushes return, and the sender pauses for {@code pause} before the next
 * round (a new flush ends the pause).
 *
 * <p><b>Overflow.</b> Past {@code capacity} the oldest payload is dropped (even one being sent) and
 * reported as {@link DeliveryFailure.Kind#QUEUE_OVERFLOW} by the sender thread.
 *
 * <p>Every callback runs on the sender thread, outside the lock; the sender never lets an exception
 * escape to the application.
 */
final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger("io.tally.altertable");
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Sends one batch; must not throw. */
    interface BatchSender {
        Outcome send(EventType type, List<byte[]> payloads);
    }

    /** What became of one attempt to send a batch. */
    static final class Outcome {
        enum Kind { DELIVERED, RETRY, REJECTED, TOO_LARGE }

        final Kind kind;
        final int status;
        final String errorCode;
        final Duration retryAfter;
        final Throwable cause;

        private Outcome(Kind kind, int status, String errorCode, Duration retryAfter, Throwable cause) {
            this.kind = kind;
            this.status = status;
            this.errorCode = errorCode;
            this.retryAfter = retryAfter;
            this.cause = cause;
        }

        static Outcome delivered(int status) {
            return new Outcome(Kind.DELIVERED, status, null, null, null);
        }

        /** A transient failure; {@code retryAfter} is the server's hint or {@code null}. */
        static Outcome retry(int status, String errorCode, Duration retryAfter, Throwable cause) {
            return new Outcome(Kind.RETRY, status, errorCode, retryAfter, cause);
        }

        static Outcome rejected(int status, String errorCode, Throwable cause) {
            return new Outcome(Kind.REJECTED, status, errorCode, null, cause);
        }

        static Outcome tooLarge(int status, String errorCode, Throwable cause) {
            return new Outcome(Kind.TOO_LARGE, status, errorCode, null, cause);
        }

        String describeCause() {
            if (cause == null) {
                return "no detail";
            }
            return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        }
    }

    /** Everything the dispatcher is configured with. */
    static final class Settings {
        int maxBatchSize;
        int flushAt;
        int capacity;
        Duration flushInterval;
        Duration pause;
        RetryPolicy retryPolicy;
        Sleeper sleeper;
        Ticker ticker;
        DurableLog log;
        Consumer<DeliveryFailure> onError;
    }

    private static final class Entry {
        final long seq;
        final EventType type;
        final byte[] json;
        final long enqueuedAt;
        final DurableLog.Position position;

        Entry(long seq, EventType type, byte[] json, long enqueuedAt, DurableLog.Position position) {
            this.seq = seq;
            this.type = type;
            this.json = json;
            this.enqueuedAt = enqueuedAt;
            this.position = position;
        }
    }

    /** A {@link #flush} call waiting for every payload up to {@code upTo} to leave the queue. */
    private static final class Waiter {
        final long upTo;
        int delivered;
        int rejected;
        int dropped;
        final List<DeliveryFailure> failures = new ArrayList<>();
        boolean done;

        Waiter(long upTo) {
            this.upTo = upTo;
        }
    }

    private final BatchSender sender;
    private final int maxBatchSize;
    private final int flushAt;
    private final int capacity;
    private final long intervalNanos;
    private final long pauseNanos;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Ticker ticker;
    private final DurableLog log;
    private final Consumer<DeliveryFailure> onError;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition flushed = lock.newCondition();
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private final List<Entry> overflow = new ArrayList<>();
    private final List<DeliveryFailure> reports = new ArrayList<>();
    private final Thread thread;

    private long nextSeq;
    private boolean paused;
    private long pausedUntil;
    private boolean closing;
    private boolean stopped;
    private boolean senderExited;
    private boolean logBroken;
    private boolean cursorDirty;
    private boolean cursorFailureReported;

    Dispatcher(BatchSender sender, Settings s) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.maxBatchSize = s.maxBatchSize;
        this.flushAt = s.flushAt;
        this.capacity = s.capacity;
        this.intervalNanos = s.flushInterval.toNanos();
        this.pauseNanos = s.pause.toNanos();
        this.retryPolicy = s.retryPolicy;
        this.sleeper = s.sleeper;
        this.ticker = s.ticker;
        this.log = s.log;
        this.onError = s.onError;
        if (log != null) {
            recover(log);
        }
        this.thread = new Thread(this::run, "tally-altertable-sender-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    private void recover(DurableLog durable) {
        long due = ticker.nanoTime() - intervalNanos; // recovered payloads are sent at once
        for (DurableLog.Record r : durable.recovered()) {
            queue.addLast(new Entry(nextSeq++, r.type(), r.json(), due, r.position()));
        }
        trimToCapacity();
        if (durable.corruptRecords() > 0) {
            reports.add(new DeliveryFailure(DeliveryFailure.Kind.STORAGE, "the durable queue in " + durable.directory()
                    + " had " + durable.corruptRecords() + " damaged records; they were skipped", null, 0, null, null,
                    null));
        }
        if (!queue.isEmpty()) {
            LOG.info("Altertable: resending {} payloads found in the durable queue {}", queue.size(), durable.directory());
        }
    }

    // ---- producer side ---------------------------------------------------------------------------

    /** Queues one payload; never blocks on the network. */
    void enqueue(EventType type, byte[] json) {
        DeliveryFailure closedFailure = null;
        List<DeliveryFailure> orphaned = Collections.emptyList();
        lock.lock();
        try {
            if (closing || stopped) {
                closedFailure = new DeliveryFailure(DeliveryFailure.Kind.CLOSED, "Altertable client is closed; a "
                        + type.wireName() + " payload was dropped", type.path(), 0, null, Collections.singletonList(json),
                        null);
            } else {
                DurableLog.Position position = null;
                if (log != null && !logBroken) {
                    try {
                        position = log.append(type, json);
                    } catch (IOException | RuntimeException e) {
                        logBroken = true;
                        reports.add(new DeliveryFailure(DeliveryFailure.Kind.STORAGE, "could not write to the durable queue "
                                + log.directory() + " (" + e + "); payloads are kept in memory only from now on", null,
                                0, null, null, e));
                    }
                }
                boolean wasEmpty = queue.isEmpty();
                queue.addLast(new Entry(nextSeq++, type, json, ticker.nanoTime(), position));
                trimToCapacity();
                if (senderExited) {
                    // no sender to report drops: do it here, or they would pile up in memory unreported
                    orphaned = drainReports();
                }
                // otherwise the sender is already waiting for the head's deadline: no need to wake it
                if (wasEmpty || queue.size() >= flushAt || !overflow.isEmpty() || !reports.isEmpty()) {
                    work.signal();
                }
            }
        } finally {
            lock.unlock();
        }
        if (closedFailure != null) {
            deliver(closedFailure);
        }
        for (DeliveryFailure f : orphaned) {
            deliver(f);
        }
    }

    /** Hands a failure found outside the dispatcher (mobile storage) to the sender to report. */
    void report(DeliveryFailure failure) {
        lock.lock();
        try {
            if (!senderExited && !stopped) {
                reports.add(failure);
                work.signal();
                return;
            }
        } finally {
            lock.unlock();
        }
        deliver(failure);
    }

    /** Payloads queued and not yet acknowledged, rejected or dropped. */
    int size() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every payload queued before the call has an outcome, a delivery round for them
     * failed, or {@code timeoutNanos} pass ({@link Ticker#FOREVER} for no limit, measured in real time).
     */
    FlushResult flush(long timeoutNanos) {
        lock.lock();
        try {
            Waiter w = new Waiter(nextSeq - 1);
            if (countUpTo(w.upTo) == 0) {
                return new FlushResult(0, 0, 0, 0, Collections.<DeliveryFailure>emptyList());
            }
            if (Thread.currentThread() == thread || senderExited || stopped) {
                // from an error callback, or with no sender: waiting could only deadlock
                return new FlushResult(0, 0, 0, countUpTo(w.upTo), Collections.<DeliveryFailure>emptyList());
            }
            waiters.add(w);
            paused = false;
            work.signal();
            long deadline = System.nanoTime() + timeoutNanos;
            try {
                while (!w.done) {
                    if (timeoutNanos == Ticker.FOREVER) {
                        flushed.await();
                    } else {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            break;
                        }
                        flushed.awaitNanos(left);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiters.remove(w);
            }
            return new FlushResult(w.delivered, w.rejected, w.dropped, countUpTo(w.upTo), w.failures);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends what is queued (within {@code timeout}, real time), then stops the sender. Payloads
     * still queued stay in the durable log, or are reported {@link DeliveryFailure.Kind#CLOSED}.
     */
    void close(Duration timeout) {
        lock.lock();
        try {
            if (closing) {
                return;
            }
            closing = true;
            paused = false;
            work.signal();
        } finally {
            lock.unlock();
        }
        if (Thread.currentThread() == thread) {
            LOG.warn("Altertable: close() was called from the onError handler; closing without waiting for delivery");
        } else {
            try {
                thread.join(Math.max(1, timeout.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<DeliveryFailure> toReport = new ArrayList<>();
        lock.lock();
        try {
            if (thread.isAlive() && Thread.currentThread() != thread) {
                LOG.warn("Altertable: close() gave up after {} with {} payloads unsent", timeout, queue.size());
                stopped = true;
                thread.interrupt();
            }
            stopped = true;
            toReport.addAll(drainReports());
            if (!queue.isEmpty()) {
                if (log == null || logBroken) {
                    List<byte[]> unsent = new ArrayList<>();
                    for (Entry e : queue) {
                        unsent.add(e.json);
                    }
                    DeliveryFailure f = new DeliveryFailure(DeliveryFailure.Kind.CLOSED, "Altertable client closed with "
                            + unsent.size() + " payloads unsent (the server was unreachable or close() timed out; some may "
                            + "have arrived); use a durable queue to keep them across restarts", null, 0, null, unsent, null);
                    for (Entry e : queue) {
                        countForWaiters(e, DeliveryFailure.Kind.CLOSED);
                    }
                    queue.clear();
                    toReport.add(f);
                } else {
                    LOG.info("Altertable: {} unsent payloads stay in the durable queue {} for the next start", queue.size(),
                            log.directory());
                }
            }
            for (Waiter w : waiters) {
                w.done = true;
            }
            flushed.signalAll();
        } finally {
            lock.unlock();
        }
        for (DeliveryFailure f : toReport) {
            deliver(f);
        }
        if (log != null) {
            try {
                persistCursor();
                log.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Altertable: could not close the durable queue {}: {}", log.directory(), e.toString());
            }
        }
    }

    /** Stops at once without sending, syncing or acknowledging anything: what a crash leaves (tests). */
    void crash() {
        lock.lock();
        try {
            stopped = true;
            work.signal();
        } finally {
            lock.unlock();
        }
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (log != null) {
            try {
                log.release();
            } catch (IOException ignored) {
                // a crash does not tidy up either
            }
        }
    }

    // ---- sender thread ---------------------------------------------------------------------------

    private void run() {
        try {
            while (true) {
                List<DeliveryFailure> toReport;
                boolean send = false;
                lock.lock();
                try {
                    while (true) {
                        if (stopped) {
                            return;
                        }
                        toReport = drainReports();
                        if (!toReport.isEmpty()) {
                            break;
                        }
                        if (queue.isEmpty()) {
                            completeSatisfiedWaiters();
                            if (closing) {
                                return;
                            }
                            ticker.await(lock, work, Ticker.FOREVER);
                            continue;
                        }
                        long wait = nanosUntilDue();
                        if (wait <= 0) {
                            send = true;
                            break;
                        }
                        ticker.await(lock, work, wait);
                    }
                } finally {
                    lock.unlock();
                }
                try {
                    for (DeliveryFailure f : toReport) {
                        deliver(f);
                    }
                    persistCursor();
                    if (send && !sendRound()) {
                        return;
                    }
                } catch (RuntimeException | Error unexpected) {
                    // a bug must not stop delivery for good, nor reach the application
                    rethrowIfFatal(unexpected);
                    LOG.error("Altertable: unexpected failure in the sender; retrying", unexpected);
                    sleeper.sleep(retryPolicy.maxBackoff());
                }
            }
        } catch (InterruptedException e) {
            // close() gave up on us, or a crash was simulated
        } finally {
            lock.lock();
            try {
                if (!stopped && !closing) {
                    LOG.error("Altertable: the sender thread stopped unexpectedly; payloads are no longer sent");
                }
                senderExited = true;
                for (Waiter w : waiters) {
                    w.done = true;
                }
                flushed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Nanoseconds until the head batch is due; 0 or less when it is. Caller holds the lock. */
    private long nanosUntilDue() {
        if (closing) {
            return 0;
        }
        long now = ticker.nanoTime();
        if (paused) {
            if (pausedUntil - now > 0) {
                return pausedUntil - now;
            }
            paused = false;
        }
        if (queue.size() >= flushAt || hasOpenWaiter()) {
            return 0;
        }
        return queue.peekFirst().enqueuedAt + intervalNanos - now;
    }

    /**
     * One delivery round for the batch at the head: sends it, retrying transient failures.
     *
     * @return {@code false} when the sender should stop (closing and the server is unreachable)
     */
    private boolean sendRound() throws InterruptedException {
        int retries = 0;
        int limit = maxBatchSize;
        while (true) {
            List<Entry> batch;
            lock.lock();
            try {
                if (stopped) {
                    return false;
                }
                batch = headRun(limit);
            } finally {
                lock.unlock();
            }
            if (batch.isEmpty()) {
                return true;
            }
            syncLog();
            EventType type = batch.get(0).type;
            List<byte[]> payloads = new ArrayList<>(batch.size());
            for (Entry e : batch) {
                payloads.add(e.json);
            }
            Outcome outcome;
            try {
                outcome = sender.send(type, payloads);
            } catch (RuntimeException | Error e) {
                // an Error from the HTTP stack (a class missing at run time, an assertion) must not end delivery
                rethrowIfFatal(e);
                outcome = Outcome.retry(0, null, null, e);
            }
            if (outcome.kind == Outcome.Kind.TOO_LARGE && batch.size() > 1) {
                limit = Math.max(1, batch.size() / 2);
                continue;
            }
            switch (outcome.kind) {
                case DELIVERED:
                    finish(batch, null);
                    return true;
                case TOO_LARGE: // a single payload too large for the server will never fit: refuse it
                case REJECTED: {
                    DeliveryFailure failure = new DeliveryFailure(DeliveryFailure.Kind.REJECTED, "Altertable refused "
                            + batch.size() + " " + type.wireName() + " payloads with " + outcome.status
                            + (outcome.errorCode != null ? " [" + outcome.errorCode + "]" : "") + "; they are not sent again: "
                            + outcome.describeCause(), type.path(), outcome.status, outcome.errorCode, payloads,
                            outcome.cause);
                    deliver(failure); // before finishing, so a flush() returns after the handler has seen it
                    finish(batch, failure);
                    return true;
                }
                default:
                    retries++;
                    if (retries > retryPolicy.maxRetries()) {
                        return giveUpRound(batch, type, payloads, outcome, retries);
                    }
                    Duration wait = outcome.retryAfter != null
                            ? min(outcome.retryAfter, retryPolicy.maxRetryAfter())
                            : retryPolicy.backoff(retries);
                    LOG.debug("Altertable: {} of {} payloads failed ({}); retry {} in {}", type.path(), batch.size(),
                            outcome.describeCause(), retries, wait);
                    sleeper.sleep(wait);
            }
        }
    }

    private boolean giveUpRound(List<Entry> batch, EventType type, List<byte[]> payloads, Outcome outcome, int attempts) {
        boolean stop;
        lock.lock();
        try {
            stop = closing;
        } finally {
            lock.unlock();
        }
        DeliveryFailure failure = new DeliveryFailure(DeliveryFailure.Kind.UNAVAILABLE, "Altertable " + type.path()
                + " failed " + attempts + " times" + (outcome.status > 0 ? " (last status " + outcome.status + ")" : "")
                + ": " + outcome.describeCause() + "; " + batch.size() + " payloads "
                + (stop ? "were not sent before close" : "stay queued and are retried"), type.path(), outcome.status,
                outcome.errorCode, payloads, outcome.cause);
        deliver(failure); // before waking flush() callers, so they return after the handler has seen it
        lock.lock();
        try {
            paused = true;
            pausedUntil = ticker.nanoTime() + pauseNanos;
            long first = batch.get(0).seq;
            for (Waiter w : waiters) {
                if (!w.done && w.upTo >= first) {
                    w.failures.add(failure);
                    w.done = true;
                }
            }
            flushed.signalAll();
        } finally {
            lock.unlock();
        }
        return !stop;
    }

    /** The longest run of same-type payloads at the head, at most {@code limit}. Caller holds the lock. */
    private List<Entry> headRun(int limit) {
        List<Entry> batch = new ArrayList<>();
        EventType type = null;
        for (Entry e : queue) {
            if (batch.size() >= limit || (type != null && e.type != type)) {
                break;
            }
            type = e.type;
            batch.add(e);
        }
        return batch;
    }

    /**
     * Removes the batch's payloads still at the head (overflow may have dropped some already):
     * delivered, or rejected when {@code rejection} is given; then records that in the durable
     * log and wakes the flushes it completes.
     */
    private void finish(List<Entry> batch, DeliveryFailure rejection) {
        long last = batch.get(batch.size() - 1).seq;
        long first = batch.get(0).seq;
        lock.lock();
        try {
            while (!queue.isEmpty() && queue.peekFirst().seq <= last) {
                Entry e = queue.pollFirst();
                if (rejection != null) {
                    countForWaiters(e, DeliveryFailure.Kind.REJECTED);
                } else {
                    for (Waiter w : waiters) {
                        if (!w.done && e.seq <= w.upTo) {
                            w.delivered++;
                        }
                    }
                }
            }
            if (rejection != null) {
                for (Waiter w : waiters) {
                    if (!w.done && w.upTo >= first) {
                        w.failures.add(rejection);
                    }
                }
            }
            cursorDirty = true;
        } finally {
            lock.unlock();
        }
        // the cursor is on disk before flush() callers wake: a crash after a successful flush resends nothing
        persistCursor();
        lock.lock();
        try {
            completeSatisfiedWaiters();
        } finally {
            lock.unlock();
        }
    }

    private void countForWaiters(Entry e, DeliveryFailure.Kind kind) {
        for (Waiter w : waiters) {
            if (!w.done && e.seq <= w.upTo) {
                if (kind == DeliveryFailure.Kind.REJECTED) {
                    w.rejected++;
                } else {
                    w.dropped++;
                }
            }
        }
    }

    private void completeSatisfiedWaiters() {
        boolean any = false;
        for (Waiter w : waiters) {
            if (!w.done && countUpTo(w.upTo) == 0) {
                w.done = true;
                any = true;
            }
        }
        if (any) {
            flushed.signalAll();
        }
    }

    private boolean hasOpenWaiter() {
        for (Waiter w : waiters) {
            if (!w.done) {
                return true;
            }
        }
        return false;
    }

    private int countUpTo(long upTo) {
        int n = 0;
        for (Entry e : queue) {
            if (e.seq > upTo) {
                break;
            }
            n++;
        }
        return n;
    }

    /** Drops the oldest payloads beyond capacity. Caller holds the lock. */
    private void trimToCapacity() {
        while (queue.size() > capacity) {
            Entry dropped = queue.pollFirst();
            overflow.add(dropped);
            countForWaiters(dropped, DeliveryFailure.Kind.QUEUE_OVERFLOW);
            cursorDirty = true;
        }
    }

    /** Pending reports, overflow folded into one. Caller holds the lock. */
    private List<DeliveryFailure> drainReports() {
        if (reports.isEmpty() && overflow.isEmpty()) {
            return Collections.emptyList();
        }
        List<DeliveryFailure> out = new ArrayList<>(reports);
        reports.clear();
        if (!overflow.isEmpty()) {
            List<byte[]> payloads = new ArrayList<>(overflow.size());
            for (Entry e : overflow) {
                payloads.add(e.json);
            }
            DeliveryFailure f = new DeliveryFailure(DeliveryFailure.Kind.QUEUE_OVERFLOW, "the Altertable queue is full ("
                    + capacity + " payloads): dropped the " + payloads.size() + " oldest; the server is slow or unreachable, "
                    + "or events arrive faster than they can be sent (raise queueCapacity or maxBatchSize)", null, 0, null,
                    payloads, null);
            long first = overflow.get(0).seq;
            for (Waiter w : waiters) {
                if (!w.done && w.upTo >= first) {
                    w.failures.add(f);
                }
            }
            overflow.clear();
            completeSatisfiedWaiters();
            out.add(f);
        }
        return out;
    }

    private void syncLog() {
        if (log == null) {
            return;
        }
        try {
            log.sync();
        } catch (IOException e) {
            LOG.warn("Altertable: could not sync the durable queue {}: {}", log.directory(), e.toString());
        }
    }

    /** Moves the durable cursor past everything that has an outcome. */
    private void persistCursor() {
        if (log == null) {
            return;
        }
        DurableLog.Position target = null;
        lock.lock();
        try {
            if (!cursorDirty) {
                return;
            }
            cursorDirty = false;
            for (Iterator<Entry> it = queue.iterator(); it.hasNext() && target == null; ) {
                target = it.next().position;
            }
            if (target == null) {
                target = log.end();
            }
        } finally {
            lock.unlock();
        }
        try {
            log.ack(target);
        } catch (IOException | RuntimeException e) {
            lock.lock();
            try {
                cursorDirty = true;
            } finally {
                lock.unlock();
            }
            if (!cursorFailureReported) {
                cursorFailureReported = true;
                deliver(new DeliveryFailure(DeliveryFailure.Kind.STORAGE, "could not record progress in the durable queue "
                        + log.directory() + " (" + e + "); after a restart, payloads already sent may be sent again",
                        null, 0, null, null, e));
            }
        }
    }

    /** Logs a failure and hands it to the application's handler, which must not break the sender. */
    private void deliver(DeliveryFailure failure) {
        if (failure.kind() == DeliveryFailure.Kind.UNAVAILABLE) {
            LOG.warn("Altertable: {}", failure.message());
        } else {
            LOG.warn("Altertable: {} ({} payloads)", failure.message(), failure.payloadCount());
        }
        if (onError == null) {
            return;
        }
        try {
            onError.accept(failure);
        } catch (Throwable t) { // the handler is application code; nothing it does may stop delivery
            LOG.warn("Altertable: the onError handler threw; ignoring it", t);
        }
    }

    /** Errors the JVM cannot recover from (out of memory, stack overflow) end the sender; others are retried. */
    private static void rethrowIfFatal(Throwable t) {
        if (t instanceof VirtualMachineError) {
            throw (VirtualMachineError) t;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
