package io.tally.testkit.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A bounded, thread-safe log of what a fake received: it keeps the newest {@link #capacity()} entries and counts
 * the rest as {@linkplain #evicted() evicted}, so a fake that runs for hours (the MCP server's {@code --demo}) holds
 * a fixed amount of memory. A capacity of 0 keeps nothing and only counts.
 *
 * <p>When the log first drops an entry after a {@link #clear()} (an "episode"), it tells the listener given at
 * construction once, not once per drop.
 *
 * @param <R> what is recorded
 */
public final class RequestLog<R> {
    /** The capacity a fake's log has unless configured otherwise. */
    public static final int DEFAULT_CAPACITY = 1_000;
    /** The largest capacity accepted: beyond it a test should count, not keep. */
    public static final int MAX_CAPACITY = 1_000_000;

    private final int capacity;
    private final ArrayDeque<R> entries;
    private final @Nullable Consumer<RequestLog<R>> onFirstEviction;
    private long received;
    private long evicted;
    private boolean evictionReported;

    /**
     * A log keeping at most {@code capacity} entries.
     *
     * @throws IllegalArgumentException unless {@code 0 <= capacity <= MAX_CAPACITY}
     */
    public RequestLog(int capacity) {
        this(capacity, null);
    }

    /**
     * A log keeping at most {@code capacity} entries that calls {@code onFirstEviction} (if not {@code null}) the
     * first time it drops an entry after creation or {@link #clear()}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= capacity <= MAX_CAPACITY}
     */
    public RequestLog(int capacity, @Nullable Consumer<RequestLog<R>> onFirstEviction) {
        this.capacity = checkCapacity(capacity);
        this.entries = new ArrayDeque<>(Math.min(capacity, 64));
        this.onFirstEviction = onFirstEviction;
    }

    /**
     * Validates a log capacity.
     *
     * @return {@code capacity}
     * @throws IllegalArgumentException unless {@code 0 <= capacity <= MAX_CAPACITY}
     */
    public static int checkCapacity(int capacity) {
        if (capacity < 0 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("requestLogCapacity must be between 0 (record nothing) and "
                    + MAX_CAPACITY + ", got: " + capacity);
        }
        return capacity;
    }

    /** Records an entry, dropping the oldest when full; with capacity 0 it only counts. */
    public void add(R entry) {
        Consumer<RequestLog<R>> report = null;
        synchronized (this) {
            received++;
            if (capacity == 0) {
                return;
            }
            if (entries.size() == capacity) {
                entries.pollFirst();
                evicted++;
                if (!evictionReported) {
                    evictionReported = true;
                    report = onFirstEviction;
                }
            }
            entries.addLast(entry);
        }
        if (report != null) {
            report.accept(this);
        }
    }

    /** Counts an entry without keeping it, for a log that {@linkplain #isRecording() records nothing}. */
    synchronized void countUnrecorded() {
        received++;
    }

    /** Whether entries are kept at all (capacity above 0). */
    public boolean isRecording() {
        return capacity > 0;
    }

    /** The most entries kept. */
    public int capacity() {
        return capacity;
    }

    /** The kept entries, oldest first: a copy. */
    public synchronized List<R> entries() {
        return Collections.unmodifiableList(new ArrayList<>(entries));
    }

    /** The newest entry, or {@code null}. */
    public synchronized @Nullable R last() {
        return entries.peekLast();
    }

    /** How many entries are kept now (at most {@link #capacity()}). */
    public synchronized int size() {
        return entries.size();
    }

    /** How many entries were added since creation or {@link #clear()}, kept or not. */
    public synchronized long received() {
        return received;
    }

    /** How many entries were dropped to stay within the capacity since creation or {@link #clear()}. */
    public synchronized long evicted() {
        return evicted;
    }

    /** Forgets every entry and restarts the counts (and the once-per-episode eviction report). */
    public synchronized void clear() {
        entries.clear();
        received = 0;
        evicted = 0;
        evictionReported = false;
    }

    @Override
    public synchronized String toString() {
        return "RequestLog[" + entries.size() + "/" + capacity + " kept, " + received + " received, " + evicted
                + " evicted]";
    }
}
