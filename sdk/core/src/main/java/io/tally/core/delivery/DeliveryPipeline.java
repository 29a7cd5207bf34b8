package io.tally.core.delivery;

import io.tally.core.RetryPolicy;
import io.tally.core.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider-neutral, fire-and-forget delivery pipeline: one FIFO queue of serialised records, drained by one
 * daemon sender thread that hands batches to a provider-supplied {@link RecordSender}. Altertable's batched
 * ingestion and EngageTrack's one-request-per-record ingestion both run on it.
 *
 * <pre>{@code
 * DeliveryPipeline pipeline = DeliveryPipeline.builder("EngageTrack", sender)
 *     .recordType(1, "/event").recordType(2, "/identify")
 *     .maxBatchSize(1).flushAt(1).flushInterval(Duration.ZERO)
 *     .pace(Duration.ofMillis(125))                 // at most 8 requests a second
 *     .durableLog(DurableLog.open(directory))        // optional
 *     .onError(failure -> log.warn("{}", failure))
 *     .build();                                      // starts the sender thread
 * pipeline.enqueue(1, json);
 * pipeline.close(Duration.ofSeconds(10));
 * }</pre>
 *
 * <p><b>Ordering.</b> The sender always sends the longest run of same-type records at the head of the queue (at
 * most {@code maxBatchSize}) and removes it only once it has an outcome, so records reach the server in the
 * order they were queued, across types, and acknowledgements are always a prefix of the queue (which is what lets
 * the durable log keep a single cursor).
 *
 * <p><b>When a batch goes.</b> As soon as the queue holds {@code flushAt} records, when its oldest record has
 * waited {@code flushInterval}, when someone calls {@link #flush}, and while closing; never sooner than
 * {@code pace} after the previous request started.
 *
 * <p><b>Outcomes.</b> {@link SendOutcome.Kind#DELIVERED} removes the batch. {@link SendOutcome.Kind#REJECTED}
 * removes it and reports {@link DeliveryFailure.Kind#REJECTED}. {@link SendOutcome.Kind#TOO_LARGE} halves the
 * batch and tries again. {@link SendOutcome.Kind#RETRY_LATER} is retried after the server's retry time (at most the
 * policy's {@code maxRetryAfter}) or the policy's backoff; when a round's attempts are used up the batch stays at
 * the head, {@link DeliveryFailure.Kind#UNAVAILABLE} is reported, waiting flushes return, and the sender pauses for
 * {@code pause} before the next round (a new flush ends the pause).
 *
 * <p><b>Memory and disk.</b> Without a durable log, the queue holds {@code capacity} records in memory; past it the
 * oldest is dropped (even one being sent). With a durable log every record is appended to it first; the memory
 * holds at most {@code capacity} of them and the rest wait on disk only (the {@code backlog}, read back in order as
 * the memory queue drains), so an outage is bounded by the log's byte limit, not by {@code capacity}. When the log
 * is full, new records are dropped (the oldest are on disk and keep their order). A new pipeline on the same log
 * resends what the previous one left unacknowledged.
 *
 * <p><b>Disk failures.</b> When an append fails, records are held in memory only (at most {@code capacity} of them
 * beyond those already in memory; past it the oldest of them is dropped) and the disk is tried again every
 * {@link #DISK_RETRY}: on success the held records still queued are written to the log, in order, and what was
 * held is reported.
 *
 * <p><b>Overflow episodes.</b> Drops are reported once per episode as one {@link DeliveryFailure.Kind#QUEUE_OVERFLOW}
 * with the count and the time of the first and last drop, when the episode ends: room again (for the memory queue,
 * half of it free), a flush, or close. While it lasts, a warning is logged at its start and at most once per
 * {@link #OVERFLOW_LOG_INTERVAL}.
 *
 * <p>Thread-safe. Every callback runs on the sender thread, outside the lock; the sender never lets an exception
 * escape to the application. Failures are logged to the logger named by {@link Builder#loggerName} and handed to
 * the {@link Builder#onError error handler}.
 */
public final class DeliveryPipeline {
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** How often a failing disk is tried again. */
    public static final Duration DISK_RETRY = Duration.ofSeconds(1);
    /** The least time between two warnings about one overflow episode. */
    public static final Duration OVERFLOW_LOG_INTERVAL = Duration.ofMinutes(1);
    /** The most dropped records an overflow report carries (its count covers them all). */
    public static final int OVERFLOW_SAMPLE = 100;

    private static final class Entry {
        final long seq;
        final int type;
        /** The serialised record; {@code null} until {@link #bytes()} runs {@code writer} (memory-only records). */
        private volatile byte @Nullable [] json;
        /** Serialises the record; non-null whenever {@code json} starts out {@code null}. */
        private final @Nullable Supplier<byte[]> writer;
        final long enqueuedAt;
        /** The record's sequence number in the durable log, or -1 while it is held in memory only. */
        long logSeq;

        Entry(long seq, int type, byte[] json, long enqueuedAt, long logSeq) {
            this(seq, type, json, null, enqueuedAt, logSeq);
        }

        Entry(long seq, int type, byte @Nullable [] json, @Nullable Supplier<byte[]> writer, long enqueuedAt,
                long logSeq) {
            this.seq = seq;
            this.type = type;
            this.json = json;
            this.writer = writer;
            this.enqueuedAt = enqueuedAt;
            this.logSeq = logSeq;
        }

        /** The serialised record, written on first use; two threads may both write it, with equal results. */
        byte[] bytes() {
            byte[] b = json;
            if (b == null) {
                Supplier<byte[]> w = Objects.requireNonNull(writer, "a record without bytes has a writer");
                b = Objects.requireNonNull(w.get(), "the record writer returned null");
                json = b;
            }
            return b;
        }
    }

    /** Payloads with consecutive dispatcher sequence numbers waiting in the durable log only. */
    private static final class BacklogRun {
        long firstSeq;
        int count;

        BacklogRun(long firstSeq, int count) {
            this.firstSeq = firstSeq;
            this.count = count;
        }
    }

    /** Drops since the queue (or the durable log) became full, reported together when it ends. */
    private static final class OverflowEpisode {
        final boolean disk;
        final Instant firstAt;
        Instant lastAt;
        int count;
        int lastLength;
        long firstSeq = -1;
        long lastWarnedAt;
        final List<byte[]> sample = new ArrayList<>();

        OverflowEpisode(boolean disk, Instant firstAt, long now) {
            this.disk = disk;
            this.firstAt = firstAt;
            this.lastAt = firstAt;
            this.lastWarnedAt = now;
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

    private final String name;
    private final Logger logger;
    private final Map<Integer, String> endpoints;
    private final RecordSender sender;
    private final int maxBatchSize;
    private final int flushAt;
    private final int capacity;
    private final long intervalNanos;
    private final long pauseNanos;
    private final long paceNanos;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Ticker ticker;
    private final Clock clock;
    private final @Nullable DurableLog log;
    private final @Nullable Consumer<DeliveryFailure> onError;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition flushed = lock.newCondition();
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private final List<Waiter> waiters = new ArrayList<>();
    /** Held in memory only while the disk fails, behind a backlog that must be sent first. */
    private final ArrayDeque<Entry> held = new ArrayDeque<>();
    private final ArrayDeque<BacklogRun> backlogRuns = new ArrayDeque<>();
    private final List<DeliveryFailure> reports = new ArrayList<>();
    private final Thread thread;

    private long nextSeq;
    private boolean paused;
    private long pausedUntil;
    private boolean closing;
    private boolean stopped;
    private boolean senderExited;
    /** Payloads in the durable log only, not in memory; they come after {@code queue}, before {@code held}. */
    private int backlog;
    /** The log sequence number from which the backlog is read back. */
    private long backlogReadFrom;
    /** Entries in {@code queue} and {@code held} that are in memory only. */
    private int memoryOnly;
    private boolean diskDown;
    private long diskDownSince;
    private long diskRetryAt;
    private int acceptedWhileDiskDown;
    private @Nullable OverflowEpisode episode;
    private int overflowWarnings;
    private boolean cursorDirty;
    private boolean cursorFailureReported;
    /** When the last request started (ticker time), for pacing; only the sender thread uses it. */
    private long lastSendAt;
    private boolean sentBefore;

    private DeliveryPipeline(Builder b) {
        this.name = b.name;
        this.logger = LoggerFactory.getLogger(b.loggerName != null ? b.loggerName : DeliveryPipeline.class.getName());
        this.endpoints = new HashMap<>(b.endpoints);
        this.sender = b.sender;
        this.maxBatchSize = b.maxBatchSize;
        this.flushAt = b.flushAt;
        this.capacity = b.capacity;
        this.intervalNanos = b.flushInterval.toNanos();
        this.pauseNanos = (b.pause != null ? b.pause : max(b.flushInterval, b.retryPolicy.maxBackoff())).toNanos();
        this.paceNanos = b.pace.toNanos();
        this.retryPolicy = b.retryPolicy;
        this.sleeper = b.sleeper;
        this.ticker = b.ticker;
        this.clock = b.clock;
        this.log = b.log;
        this.onError = b.onError;
        if (log != null) {
            recover(log);
        }
        this.thread = new Thread(this::run, "tally-" + name.toLowerCase(Locale.ROOT).replace(' ', '-') + "-sender-"
                + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts configuring a pipeline.
     *
     * @param providerName the provider's name, for log lines, failure messages and the thread's name
     * @param sender       sends one batch and classifies the answer
     * @return a builder
     */
    public static Builder builder(String providerName, RecordSender sender) {
        return new Builder(providerName, sender);
    }
    private void recover(DurableLog durable) {
        DurableLog.OpenReport found = durable.openReport();
        backlog = found.pending();
        backlogReadFrom = found.resendFrom();
        if (backlog > 0) {
            backlogRuns.addLast(new BacklogRun(0, backlog));
            nextSeq = backlog;
        }
        if (found.problem() != null) {
            reports.add(DeliveryFailure
                    .builder(DeliveryFailure.Kind.STORAGE, "the durable queue in " + durable.directory()
                            + " was damaged: " + found.problem())
                    .count((int) Math.min(Integer.MAX_VALUE, found.lost())).build());
        }
        refill();
        if (backlog + queue.size() > 0) {
            logger.info(name + ": resending {} payloads found in the durable queue {}", backlog + queue.size(),
                    durable.directory());
        }
    }

    // ---- producer side ---------------------------------------------------------------------------

    /**
     * Queues one record; never blocks on the network. After {@link #close} the record is dropped and reported as
     * {@link DeliveryFailure.Kind#CLOSED}.
     *
     * @param type a record type given to {@link Builder#recordType}
     * @param json the serialised record
     * @throws IllegalArgumentException when {@code type} was not registered
     */
    public void enqueue(int type, byte[] json) {
        Objects.requireNonNull(json, "json");
        enqueue(type, json, null);
    }

    /**
     * Queues one record that is serialised later: on the sender thread when it is about to be sent, or at once
     * when the pipeline has a durable log (every record is on disk before this returns). This keeps serialising
     * off the caller's thread; check the caller's input before calling, since a writer that fails later can only
     * drop its record (reported as {@link DeliveryFailure.Kind#REJECTED}). The writer must depend only on data
     * no one changes any more and be safe to call from any thread; it may be called more than once (a record
     * dropped while being sent), and must give the same bytes each time.
     *
     * @param type   a record type given to {@link Builder#recordType}
     * @param writer serialises the record
     * @throws IllegalArgumentException when {@code type} was not registered
     */
    public void enqueue(int type, Supplier<byte[]> writer) {
        Objects.requireNonNull(writer, "writer");
        enqueue(type, null, writer);
    }

    /** Exactly one of {@code givenJson} and {@code writer} is non-null. */
    private void enqueue(int type, byte @Nullable [] givenJson, @Nullable Supplier<byte[]> writer) {
        if (!endpoints.containsKey(type)) {
            throw new IllegalArgumentException("record type " + type + " is not registered with this pipeline");
        }
        byte[] json = givenJson;
        DeliveryFailure closedFailure = null;
        List<DeliveryFailure> orphaned = Collections.emptyList();
        lock.lock();
        try {
            if (closing || stopped) {
                closedFailure = DeliveryFailure.builder(DeliveryFailure.Kind.CLOSED, name + " client is closed; a "
                        + wireName(type) + " payload was dropped").endpoint(endpoint(type))
                        .records(Collections
                                .singletonList(json != null ? json : sampleOf(new Entry(0, type, null, writer, 0, -1))))
                        .build();
            } else {
                long now = ticker.nanoTime();
                if (diskDown && now - diskRetryAt >= 0) {
                    retryDisk(now);
                }
                boolean wasEmpty = queue.isEmpty();
                boolean dropped = false;
                DurableLog durable = log;
                if (durable != null && !diskDown) {
                    if (json == null) {
                        // on disk before this returns
                        json = Objects.requireNonNull(writer, "a record without bytes has a writer").get();
                    }
                    if (!durable.hasRoomFor(json.length)) {
                        recordDrop(true, null, json, now);
                        dropped = true;
                    } else {
                        long logSeq = appendToLog(type, json, now);
                        Entry entry = new Entry(nextSeq++, type, json, now, logSeq);
                        if (logSeq < 0) {
                            dropped = holdInMemory(entry, now);
                        } else if (backlog > 0 || queue.size() >= capacity) {
                            addToBacklog(entry);
                        } else {
                            queue.addLast(entry);
                        }
                    }
                } else {
                    dropped = holdInMemory(new Entry(nextSeq++, type, json, writer, now, -1), now);
                }
                OverflowEpisode current = episode;
                if (current != null && !dropped && episodeCanEnd(current)) {
                    endEpisode(current);
                }
                if (senderExited) {
                    // no sender to report drops: do it here, or they would pile up in memory unreported
                    orphaned = drainReports();
                }
                // otherwise the sender is already waiting for the head's deadline: no need to wake it
                if (wasEmpty || queue.size() >= flushAt || backlog > 0 || !reports.isEmpty()) {
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

    /** Appends to the durable log; on failure switches to memory-only mode and returns -1. Caller holds the lock. */
    private long appendToLog(int type, byte[] json, long now) {
        DurableLog log = durableLog();
        try {
            return log.append(type, json);
        } catch (IOException | RuntimeException e) {
            diskDown = true;
            diskDownSince = now;
            diskRetryAt = now + DISK_RETRY.toNanos();
            acceptedWhileDiskDown = 0;
            reports.add(DeliveryFailure.builder(DeliveryFailure.Kind.STORAGE, "could not write to the durable queue "
                    + log.directory() + " (" + e + "); new payloads are held in memory only (at most " + capacity
                    + " of them) and the disk is tried again every " + DISK_RETRY.getSeconds() + " s").cause(e)
                    .build());
            return -1;
        }
    }

    /**
     * Queues an entry that is in memory only (no durable log, or the disk fails), dropping the
     * oldest such entry beyond {@code capacity}; returns whether anything was dropped. Caller holds the lock.
     */
    private boolean holdInMemory(Entry entry, long now) {
        if (diskDown) {
            acceptedWhileDiskDown++;
        }
        if (backlog > 0) {
            held.addLast(entry); // behind the payloads waiting on disk
        } else {
            queue.addLast(entry);
        }
        memoryOnly++;
        boolean dropped = false;
        while (memoryOnly > capacity) {
            Entry oldest = held.isEmpty() ? removeFirstMemoryOnly() : held.pollFirst();
            memoryOnly--;
            recordDrop(false, oldest, null, now);
            dropped = true;
        }
        return dropped;
    }

    private Entry removeFirstMemoryOnly() {
        for (Iterator<Entry> it = queue.iterator(); it.hasNext();) {
            Entry e = it.next();
            if (e.logSeq < 0) {
                it.remove();
                return e;
            }
        }
        throw new IllegalStateException("no memory-only entry to drop");
    }

    /** Leaves a payload on disk only, behind the memory queue. Caller holds the lock. */
    private void addToBacklog(Entry entry) {
        if (backlog == 0) {
            backlogReadFrom = entry.logSeq;
        }
        BacklogRun last = backlogRuns.peekLast();
        if (last != null && last.firstSeq + last.count == entry.seq) {
            last.count++;
        } else {
            backlogRuns.addLast(new BacklogRun(entry.seq, 1));
        }
        backlog++;
    }

    /**
     * Tries the disk again: writes the payloads held in memory only, in order, to the log; when all
     * are written, leaves memory-only mode and reports what was held. Caller holds the lock.
     */
    private void retryDisk(long now) {
        DurableLog log = durableLog();
        diskRetryAt = now + DISK_RETRY.toNanos();
        int written = 0;
        try {
            for (Entry e : queue) {
                if (e.logSeq < 0) {
                    writeHeld(e);
                    written++;
                }
            }
            while (!held.isEmpty()) {
                Entry e = held.peekFirst();
                writeHeld(e);
                written++;
                held.pollFirst();
                addToBacklog(e);
            }
        } catch (IOException | RuntimeException e) {
            logger.debug(name + ": the durable queue {} still fails: {}", log.directory(), e.toString());
            return;
        }
        diskDown = false;
        long seconds = Math.max(0, TimeUnit.NANOSECONDS.toSeconds(now - diskDownSince));
        reports.add(DeliveryFailure.builder(DeliveryFailure.Kind.STORAGE, "the durable queue " + log.directory()
                + " accepts writes again after " + seconds + " s; " + acceptedWhileDiskDown
                + " payloads queued meanwhile were held in memory only: the " + written + " still unsent are now on "
                + "disk too, the others were sent, refused or dropped (a crash meanwhile would have lost them)")
                .count(acceptedWhileDiskDown).build());
        acceptedWhileDiskDown = 0;
    }

    private void writeHeld(Entry e) throws IOException {
        DurableLog log = durableLog();
        if (!log.hasRoomFor(e.bytes().length)) {
            throw new IOException("the durable queue is full");
        }
        e.logSeq = log.append(e.type, e.bytes());
        memoryOnly--;
    }

    /**
     * Counts one dropped payload into the current overflow episode, starting one if needed; {@code json} is
     * {@code null} for an entry, which is serialised only for the report's sample. Caller holds the lock.
     */
    private void recordDrop(boolean disk, @Nullable Entry entry, byte @Nullable [] json, long now) {
        Instant at = clock.instant();
        OverflowEpisode episode = this.episode;
        if (episode == null) {
            episode = new OverflowEpisode(disk, at, now);
            this.episode = episode;
            overflowWarnings++;
            logger.warn(name + ": {}; dropping {} payloads until there is room again (reported once when it ends)",
                    disk ? "the durable queue " + durableLog().directory() + " is full (" + durableLog().maxBytes()
                            + " bytes)"
                            : "the queue is full (" + capacity + " payloads in memory)",
                    disk ? "new" : "the oldest");
        } else if (now - episode.lastWarnedAt >= OVERFLOW_LOG_INTERVAL.toNanos()) {
            episode.lastWarnedAt = now;
            overflowWarnings++;
            logger.warn(name + ": the queue is still full; {} payloads dropped since {}", episode.count + 1,
                    episode.firstAt);
        }
        episode.count++;
        episode.lastAt = at;
        if (json != null) {
            episode.lastLength = json.length;
        }
        if (episode.sample.size() < OVERFLOW_SAMPLE) {
            episode.sample.add(json != null ? json : sampleOf(Objects.requireNonNull(entry, "entry or json")));
        }
        if (entry != null) {
            if (episode.firstSeq < 0) {
                episode.firstSeq = entry.seq;
            }
            countForWaiters(entry, DeliveryFailure.Kind.QUEUE_OVERFLOW);
        }
    }

    /** Whether the current overflow episode is over: there is room again. Caller holds the lock. */
    private boolean episodeCanEnd(OverflowEpisode episode) {
        if (episode.disk) {
            return log != null && log.hasRoomFor(episode.lastLength);
        }
        return memoryOnly <= capacity / 2;
    }

    /** Ends the overflow episode: one report with its count and time span. Caller holds the lock. */
    private void endEpisode(OverflowEpisode e) {
        episode = null;
        String what = e.disk
                ? "the durable queue " + durableLog().directory() + " was full (" + durableLog().maxBytes()
                        + " bytes): " + e.count
                        + " new payloads were dropped"
                : "the " + name + " queue was full (" + capacity + " payloads in memory): the " + e.count
                        + " oldest payloads were dropped";
        DeliveryFailure f = DeliveryFailure.builder(DeliveryFailure.Kind.QUEUE_OVERFLOW, what + " between " + e.firstAt
                + " and " + e.lastAt
                + "; the server was slow or unreachable, or events arrived faster than they could be "
                + "sent (raise " + (e.disk ? "durableQueueMaxBytes" : "queueCapacity, or use a durableQueue") + ")")
                .records(e.sample).count(e.count).span(e.firstAt, e.lastAt).build();
        if (e.firstSeq >= 0) {
            for (Waiter w : waiters) {
                if (!w.done && w.upTo >= e.firstSeq) {
                    w.failures.add(f);
                }
            }
        }
        reports.add(f);
        completeSatisfiedWaiters();
    }

    /**
     * How many warnings about overflow episodes were logged: one at the start of each, then at most one per
     * {@link #OVERFLOW_LOG_INTERVAL}.
     *
     * @return the count
     */
    public int overflowWarningCount() {
        lock.lock();
        try {
            return overflowWarnings;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Hands a failure the provider found outside the pipeline (its own storage) to the sender thread, which logs it
     * and passes it to the error handler in order with the pipeline's own reports.
     *
     * @param failure the failure to report
     */
    public void report(DeliveryFailure failure) {
        Objects.requireNonNull(failure, "failure");
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

    /**
     * Records queued and not yet acknowledged, rejected or dropped: in memory, on disk only, or held.
     *
     * @return the count
     */
    public int size() {
        lock.lock();
        try {
            return queue.size() + backlog + held.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends what is queued and waits until every record queued before the call has an outcome or a delivery round
     * for them failed. Called from the error handler (the sender thread), it returns at once.
     *
     * @return what became of those records
     */
    public FlushResult flush() {
        return flush(Ticker.FOREVER);
    }

    /**
     * {@link #flush()}, waiting at most {@code timeout} (real time); what is not done by then counts as pending.
     *
     * @param timeout the longest wait, zero or positive
     * @return what became of the records queued before the call
     * @throws IllegalArgumentException when {@code timeout} is null or negative
     */
    public FlushResult flush(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be zero or positive, got " + timeout);
        }
        return flush(timeout.toNanos());
    }

    private FlushResult flush(long timeoutNanos) {
        lock.lock();
        try {
            Waiter w = new Waiter(nextSeq - 1);
            if (noneUpTo(w.upTo)) {
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
     * Sends what is queued (within {@code timeout}, real time), then stops the sender and closes the durable log.
     * Records still queued stay in the durable log, or are reported {@link DeliveryFailure.Kind#CLOSED}. Records
     * queued afterwards are dropped and reported. Idempotent.
     *
     * @param timeout how long sending what is queued may take
     */
    public void close(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
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
            logger.warn(name + ": close() was called from the onError handler; closing without waiting for delivery");
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
                logger.warn(name + ": close() gave up after {} with {} payloads unsent", timeout, queue.size());
                stopped = true;
                thread.interrupt();
            }
            stopped = true;
            if (diskDown) {
                retryDisk(ticker.nanoTime()); // a last chance to keep the held payloads
            }
            OverflowEpisode current = episode;
            if (current != null) {
                endEpisode(current);
            }
            toReport.addAll(drainReports());
            if (memoryOnly > 0) {
                List<byte[]> unsent = new ArrayList<>();
                List<Entry> lost = new ArrayList<>();
                for (Iterator<Entry> it = queue.iterator(); it.hasNext();) {
                    Entry e = it.next();
                    if (e.logSeq < 0) {
                        lost.add(e);
                        it.remove();
                    }
                }
                lost.addAll(held);
                held.clear();
                memoryOnly = 0;
                for (Entry e : lost) {
                    unsent.add(sampleOf(e));
                    countForWaiters(e, DeliveryFailure.Kind.CLOSED);
                }
                toReport.add(DeliveryFailure.builder(DeliveryFailure.Kind.CLOSED, name + " client closed with "
                        + unsent.size() + " payloads unsent (the server was unreachable or close() timed out; some may "
                        + "have arrived); " + (log == null ? "use a durable queue to keep them across restarts"
                                : "the durable queue could not store them"))
                        .records(unsent).build());
            }
            int kept = queue.size() + backlog;
            DurableLog durable = log;
            if (durable != null && kept > 0) {
                logger.info(name + ": {} unsent payloads stay in the durable queue {} for the next start", kept,
                        durable.directory());
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
        DurableLog durable = log;
        if (durable != null) {
            try {
                persistCursor();
                durable.close();
            } catch (IOException | RuntimeException e) {
                logger.warn(name + ": could not close the durable queue {}: {}", durable.directory(), e.toString());
            }
        }
    }

    /**
     * Stops at once without sending, syncing or acknowledging anything and releases the durable log's files: what
     * a crash leaves behind, for tests of recovery.
     */
    public void abandon() {
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
        DurableLog durable = log;
        if (durable != null) {
            try {
                durable.release();
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
                        housekeeping();
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
                    logger.error(name + ": unexpected failure in the sender; retrying", unexpected);
                    sleeper.sleep(retryPolicy.maxBackoff());
                }
            }
        } catch (InterruptedException e) {
            // close() gave up on us, or a crash was simulated
        } finally {
            lock.lock();
            try {
                if (!stopped && !closing) {
                    logger.error(name + ": the sender thread stopped unexpectedly; payloads are no longer sent");
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
        if (queue.size() >= flushAt || backlog > 0 || !held.isEmpty() || hasOpenWaiter()) {
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
            int type = batch.get(0).type;
            List<byte[]> payloads = new ArrayList<>(batch.size());
            RuntimeException unwritable = null;
            for (Entry e : batch) {
                try {
                    payloads.add(e.bytes());
                } catch (RuntimeException writerFailed) {
                    unwritable = writerFailed;
                    break;
                }
            }
            if (unwritable != null) {
                if (payloads.isEmpty()) {
                    dropUnwritable(batch.get(0), unwritable);
                    return true;
                }
                batch = batch.subList(0, payloads.size()); // send those before it; the next round drops it
            }
            SendOutcome outcome;
            pace();
            try {
                outcome = sender.send(type, payloads);
            } catch (RuntimeException | Error e) {
                // an Error from the HTTP stack (a class missing at run time, an assertion) must not end delivery
                rethrowIfFatal(e);
                outcome = SendOutcome.retryLater(0, null, null, e);
            }
            if (outcome.kind() == SendOutcome.Kind.TOO_LARGE && batch.size() > 1) {
                limit = Math.max(1, batch.size() / 2);
                continue;
            }
            switch (outcome.kind()) {
                case DELIVERED:
                    finish(batch, null);
                    return true;
                case TOO_LARGE: // a single payload too large for the server will never fit: refuse it
                case REJECTED: {
                    String code = outcome.errorCode().orElse(null);
                    DeliveryFailure failure = DeliveryFailure.builder(DeliveryFailure.Kind.REJECTED, name + " refused "
                            + batch.size() + " " + wireName(type) + " payloads with " + outcome.statusCode()
                            + (code != null ? " [" + code + "]" : "") + "; they are not sent again: "
                            + outcome.describeCause()).endpoint(endpoint(type)).status(outcome.statusCode(), code)
                            .records(payloads).cause(outcome.cause().orElse(null)).build();
                    deliver(failure); // before finishing, so a flush() returns after the handler has seen it
                    finish(batch, failure);
                    return true;
                }
                default:
                    retries++;
                    if (retries > retryPolicy.maxRetries()) {
                        return giveUpRound(batch, type, payloads, outcome, retries);
                    }
                    Duration wait = outcome.retryAfter().isPresent()
                            ? min(outcome.retryAfter().get(), retryPolicy.maxRetryAfter())
                            : retryPolicy.backoff(retries);
                    logger.debug(name + ": {} of {} payloads failed ({}); retry {} in {}", endpoint(type), batch.size(),
                            outcome.describeCause(), retries, wait);
                    sleeper.sleep(wait);
            }
        }
    }

    private boolean giveUpRound(List<Entry> batch, int type, List<byte[]> payloads, SendOutcome outcome, int attempts) {
        boolean stop;
        lock.lock();
        try {
            stop = closing;
        } finally {
            lock.unlock();
        }
        int status = outcome.statusCode();
        DeliveryFailure failure = DeliveryFailure.builder(DeliveryFailure.Kind.UNAVAILABLE, name + " " + endpoint(type)
                + " failed " + attempts + " times" + (status > 0 ? " (last status " + status + ")" : "")
                + ": " + outcome.describeCause() + "; " + batch.size() + " payloads "
                + (stop ? "were not sent before close" : "stay queued and are retried")).endpoint(endpoint(type))
                .status(status, outcome.errorCode().orElse(null)).records(payloads).cause(outcome.cause().orElse(null))
                .build();
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
        int type = -1;
        for (Entry e : queue) {
            if (batch.size() >= limit || (type >= 0 && e.type != type)) {
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
    private void finish(List<Entry> batch, @Nullable DeliveryFailure rejection) {
        long last = batch.get(batch.size() - 1).seq;
        long first = batch.get(0).seq;
        lock.lock();
        try {
            while (!queue.isEmpty() && queue.peekFirst().seq <= last) {
                Entry e = queue.pollFirst();
                if (e.logSeq < 0) {
                    memoryOnly--;
                }
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
            refill();
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
            if (!w.done && noneUpTo(w.upTo)) {
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

    /**
     * Whether no record numbered {@code upTo} or lower is still pending: {@code countUpTo(upTo) == 0} without the
     * walk. Each of the three collections is in sequence order, so its first record decides. The sender asks after
     * every batch while a flush waits; walking a queue of 200,000 records each time made a flush quadratic.
     */
    private boolean noneUpTo(long upTo) {
        Entry first = queue.peekFirst();
        if (first != null && first.seq <= upTo) {
            return false;
        }
        for (BacklogRun run : backlogRuns) { // a few runs at most: one per stretch read back from disk
            if (run.firstSeq > upTo) {
                break;
            }
            if (run.count > 0) {
                return false;
            }
        }
        Entry firstHeld = held.peekFirst();
        return firstHeld == null || firstHeld.seq > upTo;
    }

    private int countUpTo(long upTo) {
        int n = 0;
        for (Entry e : queue) {
            if (e.seq > upTo) {
                break;
            }
            n++;
        }
        for (BacklogRun run : backlogRuns) {
            if (run.firstSeq > upTo) {
                break;
            }
            n += (int) Math.min(run.count, upTo - run.firstSeq + 1);
        }
        for (Entry e : held) {
            if (e.seq > upTo) {
                break;
            }
            n++;
        }
        return n;
    }

    /**
     * The sender's chores before it looks for work: read the backlog back into memory, try a failed
     * disk again when due, and end an overflow episode that is over (or that a flush waits for).
     * Caller holds the lock.
     */
    private void housekeeping() {
        if (diskDown && ticker.nanoTime() - diskRetryAt >= 0) {
            retryDisk(ticker.nanoTime());
        }
        refill();
        OverflowEpisode current = episode;
        if (current != null && (episodeCanEnd(current) || hasOpenWaiter() || closing)) {
            endEpisode(current);
        }
    }

    /**
     * Reads payloads waiting on disk back into the memory queue while it has room; once the backlog
     * is empty, payloads held in memory behind it join the queue. Caller holds the lock.
     */
    private void refill() {
        DurableLog log = this.log;
        if (backlog > 0 && queue.size() < capacity && log != null) {
            int wanted = Math.min(backlog, capacity - queue.size());
            List<DurableLog.Record> records;
            try {
                records = log.read(backlogReadFrom, wanted);
            } catch (IOException | RuntimeException e) {
                logger.warn(name + ": could not read the durable queue {}: {}; trying again later", log.directory(),
                        e.toString());
                return;
            }
            long due = ticker.nanoTime() - intervalNanos; // they have waited already: send at once
            for (DurableLog.Record r : records) {
                BacklogRun run = backlogRuns.peekFirst();
                queue.addLast(new Entry(run.firstSeq, checkedType(r.type()), r.json(), due, r.seq()));
                run.firstSeq++;
                if (--run.count == 0) {
                    backlogRuns.pollFirst();
                }
                backlog--;
                backlogReadFrom = r.seq() + 1;
            }
            if (records.size() < wanted) {
                // the log ended early: records written in this run were damaged or removed on disk
                int lost = backlog;
                List<Entry> gone = new ArrayList<>();
                for (BacklogRun run : backlogRuns) {
                    for (int i = 0; i < run.count; i++) {
                        gone.add(new Entry(run.firstSeq + i, 0, new byte[0], 0, -1));
                    }
                }
                for (Entry e : gone) {
                    countForWaiters(e, DeliveryFailure.Kind.STORAGE);
                }
                backlogRuns.clear();
                backlog = 0;
                cursorDirty = true;
                reports.add(DeliveryFailure
                        .builder(DeliveryFailure.Kind.STORAGE, lost + " payloads in the durable queue "
                                + log.directory() + " could not be read back (damaged or removed on disk) and are lost")
                        .count(lost).build());
            }
        }
        while (backlog == 0 && !held.isEmpty()) {
            queue.addLast(held.pollFirst());
        }
    }

    /** Pending reports. Caller holds the lock. */
    private List<DeliveryFailure> drainReports() {
        if (reports.isEmpty()) {
            return Collections.emptyList();
        }
        List<DeliveryFailure> out = new ArrayList<>(reports);
        reports.clear();
        return out;
    }

    private void syncLog() {
        DurableLog log = this.log;
        if (log == null) {
            return;
        }
        try {
            log.sync();
        } catch (IOException e) {
            logger.warn(name + ": could not sync the durable queue {}: {}", log.directory(), e.toString());
        }
    }

    /** Moves the durable cursor past everything that has an outcome. */
    private void persistCursor() {
        DurableLog log = this.log;
        if (log == null) {
            return;
        }
        long target = -1;
        lock.lock();
        try {
            if (!cursorDirty) {
                return;
            }
            cursorDirty = false;
            for (Iterator<Entry> it = queue.iterator(); it.hasNext() && target < 0;) {
                target = it.next().logSeq;
            }
            if (target < 0) {
                target = backlog > 0 ? backlogReadFrom : log.end();
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
                deliver(DeliveryFailure
                        .builder(DeliveryFailure.Kind.STORAGE, "could not record progress in the durable queue "
                                + log.directory() + " (" + e
                                + "); after a restart, payloads already sent may be sent again")
                        .cause(e).build());
            }
        }
    }

    /** Logs a failure and hands it to the application's handler, which must not break the sender. */
    private void deliver(DeliveryFailure failure) {
        if (failure.kind() == DeliveryFailure.Kind.UNAVAILABLE) {
            logger.warn(name + ": {}", failure.message());
        } else {
            logger.warn(name + ": {} ({} payloads)", failure.message(), failure.recordCount());
        }
        Consumer<DeliveryFailure> handler = onError;
        if (handler == null) {
            return;
        }
        try {
            handler.accept(failure);
        } catch (Throwable t) { // the handler is application code; nothing it does may stop delivery
            logger.warn(name + ": the onError handler threw; ignoring it", t);
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

    /** Waits until {@code pace} has passed since the previous request started. Only the sender thread calls it. */
    private void pace() throws InterruptedException {
        if (paceNanos <= 0) {
            return;
        }
        long now = ticker.nanoTime();
        if (sentBefore) {
            long wait = lastSendAt + paceNanos - now;
            if (wait > 0) {
                sleeper.sleep(Duration.ofNanos(wait));
                now = ticker.nanoTime();
            }
        }
        sentBefore = true;
        lastSendAt = now;
    }

    /** A record that could not be serialised is refused for good: it would fail the same way every time. */
    private void dropUnwritable(Entry entry, RuntimeException cause) {
        DeliveryFailure failure = DeliveryFailure
                .builder(DeliveryFailure.Kind.REJECTED, name + " could not serialise a "
                        + wireName(entry.type) + " payload, which is dropped: " + cause)
                .endpoint(endpoint(entry.type))
                .cause(cause).count(1).build();
        deliver(failure);
        finish(Collections.singletonList(entry), failure);
    }

    /** The record's bytes for a report; empty when its writer fails. */
    private static byte[] sampleOf(Entry entry) {
        try {
            return entry.bytes();
        } catch (RuntimeException e) {
            return new byte[0];
        }
    }

    /** The endpoint of a registered type (every type reaching the queue was checked on the way in). */
    private String endpoint(int type) {
        return Objects.requireNonNull(endpoints.get(type), "registered record type");
    }

    private String wireName(int type) {
        String path = endpoint(type);
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** The type of a durable record; a type no one registered means the directory belongs to another provider. */
    private int checkedType(int type) {
        if (!endpoints.containsKey(type)) {
            throw new IllegalStateException("durable queue record of unknown type " + type);
        }
        return type;
    }

    /** The durable log, for code that runs only with one (a failed disk, a disk overflow). */
    private DurableLog durableLog() {
        return Objects.requireNonNull(log, "durable log");
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * Configures a {@link DeliveryPipeline}. Defaults: batches of 100, a send at 20 queued records or after 5 s,
     * 1000 records in memory, no pacing, {@link RetryPolicy#defaults()}, a pause between rounds of the longer of
     * the flush interval and the maximum backoff, the system clock, ticker and sleeper, no durable log.
     */
    public static final class Builder {
        private final String name;
        private final RecordSender sender;
        private final Map<Integer, String> endpoints = new HashMap<>();
        private @Nullable String loggerName;
        private int maxBatchSize = 100;
        private int flushAt = 20;
        private int capacity = 1000;
        private Duration flushInterval = Duration.ofSeconds(5);
        private @Nullable Duration pause;
        private Duration pace = Duration.ZERO;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Ticker ticker = Ticker.SYSTEM;
        private Clock clock = Clock.systemUTC();
        private @Nullable DurableLog log;
        private @Nullable Consumer<DeliveryFailure> onError;

        private Builder(String name, RecordSender sender) {
            if (name == null || name.trim().isEmpty()) {
                throw new IllegalArgumentException("providerName must not be blank");
            }
            this.name = name.trim();
            this.sender = Objects.requireNonNull(sender, "sender");
        }

        /**
         * Registers a record type and the endpoint its records go to (for messages and {@link
         * DeliveryFailure#endpoint()}); the code is what {@link DurableLog} stores, so keep it stable.
         *
         * @param code     1 to {@link DurableLog#MAX_TYPE}
         * @param endpoint e.g. {@code /track}
         * @return this builder
         * @throws IllegalArgumentException when the code is out of range or the endpoint blank
         */
        public Builder recordType(int code, String endpoint) {
            if (code < 1 || code > DurableLog.MAX_TYPE) {
                throw new IllegalArgumentException("record type code must be between 1 and " + DurableLog.MAX_TYPE
                        + ", got " + code);
            }
            if (endpoint == null || endpoint.trim().isEmpty()) {
                throw new IllegalArgumentException("endpoint must not be blank");
            }
            endpoints.put(code, endpoint);
            return this;
        }

        /**
         * The logger failures and warnings go to.
         *
         * @param loggerName e.g. {@code io.tally.altertable}; {@code null} for this class's name
         * @return this builder
         */
        public Builder loggerName(@Nullable String loggerName) {
            this.loggerName = loggerName;
            return this;
        }

        /**
         * The most records one request carries; 1 for a provider with no batch endpoint.
         *
         * @param maxBatchSize 1 or more
         * @return this builder
         */
        public Builder maxBatchSize(int maxBatchSize) {
            this.maxBatchSize = atLeastOne("maxBatchSize", maxBatchSize);
            return this;
        }

        /**
         * How many queued records start a send without waiting for the interval.
         *
         * @param flushAt 1 or more
         * @return this builder
         */
        public Builder flushAt(int flushAt) {
            this.flushAt = atLeastOne("flushAt", flushAt);
            return this;
        }

        /**
         * How many records the memory queue holds; see the class documentation for what happens beyond.
         *
         * @param capacity 1 or more
         * @return this builder
         */
        public Builder capacity(int capacity) {
            this.capacity = atLeastOne("capacity", capacity);
            return this;
        }

        /**
         * The longest a record waits before its batch is sent; zero sends at once.
         *
         * @param flushInterval zero or positive
         * @return this builder
         */
        public Builder flushInterval(Duration flushInterval) {
            this.flushInterval = zeroOrPositive("flushInterval", flushInterval);
            return this;
        }

        /**
         * How long the sender waits after a failed delivery round before the next (a flush ends the wait).
         *
         * @param pause zero or positive; {@code null} for the longer of the flush interval and the maximum backoff
         * @return this builder
         */
        public Builder pause(@Nullable Duration pause) {
            this.pause = pause == null ? null : zeroOrPositive("pause", pause);
            return this;
        }

        /**
         * The least time between the starts of two requests, to stay under a provider's rate limit; zero for none.
         *
         * @param pace zero or positive
         * @return this builder
         */
        public Builder pace(Duration pace) {
            this.pace = zeroOrPositive("pace", pace);
            return this;
        }

        /**
         * How transient failures are retried within a round: the retries, the backoff and the longest server
         * retry time honoured (longer ones are cut to it).
         *
         * @param retryPolicy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * How the sender waits between attempts and for pacing (tests pass a recording sleeper).
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * The sender thread's monotonic time and timed waits (tests pass a manual ticker).
         *
         * @param ticker the ticker
         * @return this builder
         */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /**
         * The wall clock overflow reports are stamped with.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * A durable log every record is appended to before {@link #enqueue} returns; the pipeline resends what
         * it holds unacknowledged, and closes it on {@link #close}. {@code null} for memory only.
         *
         * @param log an open log, owned by the pipeline from now on
         * @return this builder
         */
        public Builder durableLog(@Nullable DurableLog log) {
            this.log = log;
            return this;
        }

        /**
         * Receives every failure, on the sender thread; anything it throws is logged and ignored.
         *
         * @param onError the handler, or {@code null} for logging only
         * @return this builder
         */
        public Builder onError(@Nullable Consumer<DeliveryFailure> onError) {
            this.onError = onError;
            return this;
        }

        /**
         * Creates the pipeline and starts its sender thread; with a durable log, queues what it holds unsent.
         *
         * @return the running pipeline
         * @throws IllegalStateException when no record type was registered
         */
        public DeliveryPipeline build() {
            if (endpoints.isEmpty()) {
                throw new IllegalStateException("register at least one recordType(code, endpoint)");
            }
            return new DeliveryPipeline(this);
        }

        private static int atLeastOne(String field, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(field + " must be 1 or more, got " + value);
            }
            return value;
        }

        private static Duration zeroOrPositive(String field, Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException(field + " must be zero or positive, got " + value);
            }
            return value;
        }
    }
}
