package io.tally.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ManualClockTest {
    private static final Instant START = Instant.parse("2026-06-25T10:00:00Z");

    @Test
    void standsStillUntilMoved() {
        ManualClock clock = ManualClock.at(START);

        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void advanceMovesForwardAndReturnsTheNewTime() {
        ManualClock clock = ManualClock.at(START);

        assertThat(clock.advance(Duration.ofMinutes(14))).isEqualTo(START.plusSeconds(14 * 60));
        assertThat(clock.advance(Duration.ofMillis(1500))).isEqualTo(START.plusSeconds(14 * 60).plusMillis(1500));
        assertThat(clock.advance(Duration.ZERO)).isEqualTo(START.plusSeconds(14 * 60).plusMillis(1500));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-06-25T10:14:01.500Z"));
        assertThat(LocalDateTime.now(clock)).isEqualTo(LocalDateTime.parse("2026-06-25T10:14:01.500"));
    }

    @Test
    void setMovesEitherWay() {
        ManualClock clock = ManualClock.at(START);

        clock.set(START.minusSeconds(3600));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-06-25T09:00:00Z"));
        clock.set(START.plusSeconds(60));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-06-25T10:01:00Z"));
    }

    @Test
    void refusesNullAndNegativeInput() {
        ManualClock clock = ManualClock.at(START);

        assertThatThrownBy(() -> ManualClock.at(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("instant");
        assertThatThrownBy(() -> clock.set(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("instant");
        assertThatThrownBy(() -> clock.advance(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("amount");
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("amount").hasMessageContaining("set(Instant)");
        assertThat(clock.instant()).as("a refused move leaves the time alone").isEqualTo(START);
    }

    @Test
    void aZoneViewSharesTheTime() {
        ManualClock utc = ManualClock.at(START);
        ZoneId paris = ZoneId.of("Europe/Paris");

        ManualClock inParis = utc.withZone(paris);
        assertThat(inParis.getZone()).isEqualTo(paris);
        assertThat(LocalDateTime.now(inParis)).isEqualTo(LocalDateTime.parse("2026-06-25T12:00:00"));
        assertThat(utc.withZone(ZoneOffset.UTC)).isSameAs(utc);

        utc.advance(Duration.ofHours(1));
        assertThat(inParis.instant()).isEqualTo(START.plusSeconds(3600));
        inParis.set(START);
        assertThat(utc.instant()).isEqualTo(START);
        assertThatThrownBy(() -> utc.withZone(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void advancesFromSeveralThreadsAddUp() throws InterruptedException {
        ManualClock clock = ManualClock.at(START);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < 1000; i++) {
                    clock.advance(Duration.ofMillis(1));
                }
            });
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(clock.instant()).isEqualTo(START.plusSeconds(4));
    }

    @Test
    void toStringShowsTimeAndZone() {
        assertThat(ManualClock.at(START)).hasToString("ManualClock[2026-06-25T10:00:00Z, Z]");
    }
}
