package io.tally.testkit;

import io.tally.core.delivery.Ticker;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import org.jspecify.annotations.Nullable;

/**
 * A delivery pipeline's time ({@link Ticker}) that stands still until a test moves it. The sender's waits never end
 * by themselves: it wakes when signalled (new records, flush, close) or when {@link #advance} moves the time and
 * wakes it to look at the clock again. For the package-private {@code ticker(...)} of a provider's sender builder
 * (Altertable, EngageTrack) in that provider's own tests; pair it with a {@link RecordingSleeper} for the retry
 * waits. Thread-safe.
 */
public final class ManualTicker implements Ticker {
    private volatile long now = 1_000_000_000L;
    private volatile @Nullable Lock lock;
    private volatile @Nullable Condition condition;

    /** A ticker at an arbitrary fixed start. */
    public ManualTicker() {}

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void await(Lock lock, Condition condition, long nanos) throws InterruptedException {
        this.lock = lock;
        this.condition = condition;
        condition.await();
    }

    /**
     * Moves the time forward and wakes the waiting sender, so it looks at the clock again.
     *
     * @param duration how far, zero or positive
     */
    public void advance(Duration duration) {
        now += duration.toNanos();
        Lock l = lock;
        Condition c = condition;
        if (l != null && c != null) {
            l.lock();
            try {
                c.signalAll();
            } finally {
                l.unlock();
            }
        }
    }
}
