package io.tally.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tally.core.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingSleeperTest {
    private static final Instant START = Instant.parse("2026-06-25T10:00:00Z");

    @Test
    void recordsEachWaitInOrderWithoutSleeping() throws InterruptedException {
        RecordingSleeper sleeper = new RecordingSleeper();
        Sleeper asInjected = sleeper;

        long before = System.nanoTime();
        asInjected.sleep(Duration.ofHours(1));
        sleeper.sleep(Duration.ofSeconds(2));
        sleeper.sleep(Duration.ofMillis(250));
        long tookMillis = (System.nanoTime() - before) / 1_000_000;

        assertThat(sleeper.waits()).containsExactly(Duration.ofHours(1), Duration.ofSeconds(2), Duration.ofMillis(250));
        assertThat(sleeper.total()).isEqualTo(Duration.ofMillis(3_602_250));
        assertThat(tookMillis).as("an hour's wait returns at once").isLessThan(5_000);
    }

    @Test
    void advancingMovesTheClockByEachWait() {
        ManualClock clock = ManualClock.at(START);
        RecordingSleeper sleeper = RecordingSleeper.advancing(clock);

        sleeper.sleep(Duration.ofSeconds(1));
        sleeper.sleep(Duration.ofSeconds(2));

        assertThat(clock.instant()).isEqualTo(START.plusSeconds(3));
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void zeroAndNegativeWaitsAreRecordedButDoNotMoveTheClock() {
        ManualClock clock = ManualClock.at(START);
        RecordingSleeper sleeper = RecordingSleeper.advancing(clock);

        sleeper.sleep(Duration.ZERO);
        sleeper.sleep(Duration.ofMillis(-5));

        assertThat(sleeper.waits()).containsExactly(Duration.ZERO, Duration.ofMillis(-5));
        assertThat(clock.instant()).isEqualTo(START);
    }

    @Test
    void withoutAClockNothingElseMoves() {
        RecordingSleeper sleeper = new RecordingSleeper();

        sleeper.sleep(Duration.ofSeconds(5));

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(5));
        assertThat(new RecordingSleeper().total()).isEqualTo(Duration.ZERO);
    }

    @Test
    void waitsIsASnapshotThatCannotBeChanged() {
        RecordingSleeper sleeper = new RecordingSleeper();
        sleeper.sleep(Duration.ofSeconds(1));

        List<Duration> snapshot = sleeper.waits();
        sleeper.sleep(Duration.ofSeconds(2));

        assertThat(snapshot).containsExactly(Duration.ofSeconds(1));
        assertThatThrownBy(() -> snapshot.add(Duration.ZERO)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void clearForgetsTheWaitsButNotTheTime() {
        ManualClock clock = ManualClock.at(START);
        RecordingSleeper sleeper = RecordingSleeper.advancing(clock);
        sleeper.sleep(Duration.ofSeconds(30));

        sleeper.clear();

        assertThat(sleeper.waits()).isEmpty();
        assertThat(sleeper.total()).isEqualTo(Duration.ZERO);
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(30));
        sleeper.sleep(Duration.ofSeconds(1));
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void refusesNullInput() {
        assertThatThrownBy(() -> RecordingSleeper.advancing(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clock");
        RecordingSleeper sleeper = new RecordingSleeper();
        assertThatThrownBy(() -> sleeper.sleep(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duration");
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void toStringListsTheWaits() {
        RecordingSleeper sleeper = new RecordingSleeper();
        sleeper.sleep(Duration.ofSeconds(1));

        assertThat(sleeper).hasToString("RecordingSleeper[PT1S]");
    }
}
