package io.tally.core.delivery;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * Time as a {@link DeliveryPipeline}'s sender thread sees it: a monotonic clock, and a wait that ends when
 * signalled or when the time is up. Tests substitute a manual ticker so that interval flushes and pacing happen
 * when the test advances time, never by sleeping.
 */
public interface Ticker {
    /** Waits forever (until signalled). */
    long FOREVER = Long.MAX_VALUE;

    /** The real thing: {@link System#nanoTime()} and {@link Condition#awaitNanos(long)}. */
    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void await(Lock lock, Condition condition, long nanos) throws InterruptedException {
            if (nanos == FOREVER) {
                condition.await();
            } else {
                condition.awaitNanos(nanos);
            }
        }
    };

    /**
     * The current value of a monotonic clock, in nanoseconds; only differences between two values mean anything.
     *
     * @return the current time in nanoseconds
     */
    long nanoTime();

    /**
     * Waits on {@code condition}, whose {@code lock} the caller holds, until it is signalled or {@code nanos}
     * have passed ({@link #FOREVER} for no limit). May return early.
     *
     * @param lock      the lock the caller holds
     * @param condition the condition of {@code lock} to wait on
     * @param nanos     the longest wait, or {@link #FOREVER}
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void await(Lock lock, Condition condition, long nanos) throws InterruptedException;
}
