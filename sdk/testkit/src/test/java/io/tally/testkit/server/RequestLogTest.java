package io.tally.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The request log is bounded: a fake that runs for hours holds the same memory as one that ran a minute. */
class RequestLogTest {

    @Test
    void theDefaultCapacityIsModestAndHolds() {
        RequestLog<Integer> log = new RequestLog<>(RequestLog.DEFAULT_CAPACITY);
        for (int i = 0; i < 25_000; i++) {
            log.add(i);
        }
        assertThat(RequestLog.DEFAULT_CAPACITY).isEqualTo(1_000);
        assertThat(log.size()).isEqualTo(1_000);
        assertThat(log.received()).isEqualTo(25_000);
        assertThat(log.evicted()).isEqualTo(24_000);
        assertThat(log.entries().get(0)).isEqualTo(24_000);
        assertThat(log.last()).isEqualTo(24_999);
    }

    @Test
    void capacityZeroKeepsNothingButCounts() {
        RequestLog<String> log = new RequestLog<>(0);
        log.add("a");
        log.add("b");
        assertThat(log.isRecording()).isFalse();
        assertThat(log.entries()).isEmpty();
        assertThat(log.last()).isNull();
        assertThat(log.received()).isEqualTo(2);
        assertThat(log.evicted()).isZero();
    }

    @Test
    void theFirstEvictionOfAnEpisodeIsReportedOnce() {
        List<String> reports = new ArrayList<>();
        RequestLog<Integer> log = new RequestLog<>(2, l -> reports.add(l.toString()));
        IntStream.range(0, 10).forEach(log::add);
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0)).contains("2/2 kept");

        log.clear();
        assertThat(log.received()).isZero();
        IntStream.range(0, 2).forEach(log::add);
        assertThat(reports).hasSize(1);
        log.add(99);
        assertThat(reports).hasSize(2);
        assertThat(log.entries()).containsExactly(1, 99);
    }

    @Test
    void concurrentWritersNeverExceedTheCapacity() throws InterruptedException {
        RequestLog<Integer> log = new RequestLog<>(50);
        List<Thread> threads = IntStream.range(0, 4).mapToObj(t -> new Thread(() -> {
            for (int i = 0; i < 5_000; i++) {
                log.add(i);
            }
        })).collect(Collectors.toList());
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(log.size()).isEqualTo(50);
        assertThat(log.received()).isEqualTo(20_000);
        assertThat(log.evicted()).isEqualTo(19_950);
    }

    @Test
    void capacityOutsideTheRangeIsRefused() {
        assertThatThrownBy(() -> new RequestLog<>(-1)).hasMessageContaining("requestLogCapacity");
        assertThatThrownBy(() -> new RequestLog<>(RequestLog.MAX_CAPACITY + 1))
                .hasMessageContaining("requestLogCapacity");
    }
}
