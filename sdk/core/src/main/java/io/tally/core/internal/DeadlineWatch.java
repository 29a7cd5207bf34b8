package io.tally.core.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import org.jspecify.annotations.Nullable;

/**
 * Cancels calls that outlive a long request deadline, checking a few times a second, so that such deadlines cost a
 * set insertion per attempt rather than an OkHttp call timeout. OkHttp's call timeout is an Okio {@code AsyncTimeout}:
 * each call enters a lock-guarded queue and, when it becomes the queue's head (every call, for a client used by one
 * thread at a time), wakes Okio's watchdog thread; for the default deadline of five minutes that wake-up was a
 * measurable part of a call's cost. Short limits (under {@link #MIN_WATCHED}, and every per-attempt timeout) keep
 * OkHttp's exact timeout; a watched deadline fires up to {@link #SWEEP_MILLIS} late, at most 2.5 % of it.
 */
final class DeadlineWatch {
    /** Deadlines at least this far away are watched here; nearer ones use OkHttp's call timeout. */
    static final long MIN_WATCHED = TimeUnit.SECONDS.toNanos(10);
    /** How often the sweeper looks at the watched calls. */
    static final long SWEEP_MILLIS = 250;
    /** How long the sweeper thread stays without any call to watch before it ends (a new call starts another). */
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(60);

    private static final Set<Entry> WATCHED = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean SWEEPING = new AtomicBoolean();

    private DeadlineWatch() {}

    /** Watches {@code call} until the returned entry is closed; past {@code endsAtNanos} the call is cancelled. */
    static Entry watch(Call call, long endsAtNanos) {
        Entry entry = new Entry(call, endsAtNanos);
        WATCHED.add(entry);
        if (!SWEEPING.get() && SWEEPING.compareAndSet(false, true)) {
            startSweeper();
        }
        return entry;
    }

    private static void startSweeper() {
        Thread thread = new Thread(DeadlineWatch::sweep, "tally-deadline-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private static void sweep() {
        long idleSince = System.nanoTime();
        while (true) {
            try {
                Thread.sleep(SWEEP_MILLIS);
            } catch (InterruptedException e) {
                // a daemon with nothing to hand back; keep watching, the calls still need it
            }
            long now = System.nanoTime();
            if (!WATCHED.isEmpty()) {
                idleSince = now;
                for (Entry entry : WATCHED) {
                    if (now - entry.endsAtNanos >= 0) {
                        entry.fire();
                    }
                }
            } else if (now - idleSince > IDLE_NANOS) {
                SWEEPING.set(false);
                // a call may have been added after the emptiness check and before the flag fell, without
                // starting a sweeper: this one carries on for it
                if (WATCHED.isEmpty() || !SWEEPING.compareAndSet(false, true)) {
                    return;
                }
                idleSince = now;
            }
        }
    }

    /** The watch of a request's current attempt, if it has one; closing it ends the watch. */
    static final class Slot implements AutoCloseable {
        private @Nullable Entry entry;

        void set(Entry watched) {
            entry = watched;
        }

        /** Whether the current attempt's deadline passed and the watch cancelled it. */
        boolean fired() {
            return entry != null && entry.fired();
        }

        @Override
        public void close() {
            if (entry != null) {
                entry.close();
                entry = null;
            }
        }
    }

    /** One watched attempt. */
    static final class Entry implements AutoCloseable {
        private final Call call;
        private final long endsAtNanos;
        private volatile boolean fired;

        private Entry(Call call, long endsAtNanos) {
            this.call = call;
            this.endsAtNanos = endsAtNanos;
        }

        /** Whether the deadline passed and the call was cancelled: its I/O failure is the deadline's. */
        boolean fired() {
            return fired;
        }

        private void fire() {
            fired = true;
            WATCHED.remove(this);
            call.cancel();
        }

        @Override
        public void close() {
            WATCHED.remove(this);
        }
    }
}
