package io.tally.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Sleeper} that never sleeps: it records each requested wait and, when given a clock,
 * moves that clock on by the wait, as time would have passed. Core's own copy: the public one,
 * {@code io.tally.testkit.RecordingSleeper}, is in tally-testkit, which depends on core.
 */
final class RecordingSleeper implements Sleeper {
    private final List<Duration> waits = new ArrayList<>();
    private final MutableClock clock;

    RecordingSleeper() {
        this(null);
    }

    RecordingSleeper(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        waits.add(duration);
        if (clock != null) {
            clock.advance(duration);
        }
    }

    synchronized List<Duration> waits() {
        return new ArrayList<>(waits);
    }

    synchronized List<Long> waitsMillis() {
        List<Long> ms = new ArrayList<>();
        for (Duration d : waits) {
            ms.add(d.toMillis());
        }
        return ms;
    }
}
