package io.tally.core;

import java.time.Duration;

/**
 * Waits between retries and for the client-side rate limiter. Injectable so that tests can record
 * the waits instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps on the calling thread with {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = duration -> {
        long millis = duration.toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    };

    /**
     * Blocks for {@code duration}, which is never negative and may be zero.
     *
     * @throws InterruptedException when the thread is interrupted; the request then fails with a
     *     {@link TallyException}
     */
    void sleep(Duration duration) throws InterruptedException;
}
