package io.tally.testkit;

import io.tally.core.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Sleeper} that never sleeps: it records each wait it is asked for and returns at once, so that retries,
 * rate limits and reconnection delays can be tested in milliseconds and their waits asserted exactly. Made with
 * {@link #advancing(ManualClock)}, it also moves a {@link ManualClock} on by each wait, as time would have passed.
 *
 * <pre>{@code
 * RecordingSleeper sleeper = new RecordingSleeper();
 * HitKeep hitkeep = HitKeep.builder()
 *     .baseUrl(server.baseUrl())
 *     .apiToken(token)
 *     .options(o -> o.sleeper(sleeper))
 *     .build();
 * // the server answers 429 with Retry-After: 2, then 200
 * hitkeep.sites().list().execute();
 * assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
 * }</pre>
 *
 * <p>Every wait is recorded as asked, zero and negative ones included; the clock is moved only by positive ones.
 * {@link #sleep(Duration)} never blocks and never throws {@link InterruptedException}. Instances are thread-safe.
 */
public final class RecordingSleeper implements Sleeper {
    private final List<Duration> waits = new ArrayList<>();
    private final @Nullable ManualClock clock;

    /** A sleeper that records waits and moves no clock. */
    public RecordingSleeper() {
        this.clock = null;
    }

    private RecordingSleeper(ManualClock clock) {
        this.clock = clock;
    }

    /**
     * A sleeper that records waits and moves {@code clock} forward by each positive one.
     *
     * @throws IllegalArgumentException if {@code clock} is {@code null}
     */
    public static RecordingSleeper advancing(ManualClock clock) {
        if (clock == null) {
            throw new IllegalArgumentException(
                    "clock must not be null; use new RecordingSleeper() for a sleeper without one");
        }
        return new RecordingSleeper(clock);
    }

    /**
     * Records {@code duration} and, for a sleeper made by {@link #advancing(ManualClock)}, moves the clock on by it.
     *
     * @throws IllegalArgumentException if {@code duration} is {@code null}
     */
    @Override
    public void sleep(Duration duration) {
        if (duration == null) {
            throw new IllegalArgumentException("duration must not be null");
        }
        synchronized (waits) {
            waits.add(duration);
        }
        if (clock != null && !duration.isNegative()) {
            clock.advance(duration);
        }
    }

    /** The waits asked for so far, oldest first: an unmodifiable copy that later waits do not change. */
    public List<Duration> waits() {
        synchronized (waits) {
            return Collections.unmodifiableList(new ArrayList<>(waits));
        }
    }

    /** The sum of the waits asked for so far ({@link Duration#ZERO} when none were). */
    public Duration total() {
        Duration total = Duration.ZERO;
        for (Duration wait : waits()) {
            total = total.plus(wait);
        }
        return total;
    }

    /** Forgets the waits recorded so far (the clock stays where it is). */
    public void clear() {
        synchronized (waits) {
            waits.clear();
        }
    }

    @Override
    public String toString() {
        return "RecordingSleeper" + waits();
    }
}
