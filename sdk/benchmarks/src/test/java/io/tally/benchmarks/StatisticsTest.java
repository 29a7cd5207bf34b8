package io.tally.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void percentileIsTheNearestRank() {
        long[] sorted = new long[100];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i + 1;
        }

        assertThat(IngestBenchmark.percentile(sorted, 0.50)).isEqualTo(50);
        assertThat(IngestBenchmark.percentile(sorted, 0.99)).isEqualTo(99);
        assertThat(IngestBenchmark.percentile(new long[] {7}, 0.99)).isEqualTo(7);
    }

    @Test
    void threadSharesAddUpToTheEvents() {
        int total = 0;
        for (int t = 0; t < 3; t++) {
            total += Workload.share(10, 3, t);
        }

        assertThat(total).isEqualTo(10);
        assertThat(Workload.share(10, 3, 0)).isEqualTo(4);
        assertThat(Workload.share(10, 3, 2)).isEqualTo(3);
    }

    @Test
    void aRunIsLosslessOnlyWhenExactlyEverythingArrivedInTime() {
        assertThat(run(100, 100, true).lossless()).isTrue();
        assertThat(run(100, 99, true).lossless()).isFalse();
        assertThat(run(100, 101, true).lossless()).isFalse();
        assertThat(run(100, 100, false).lossless()).isFalse();
    }

    @Test
    void everyEventGetsFreshPropertiesAndOneOfTheSharedUsers() {
        assertThat(Workload.properties(1)).isNotSameAs(Workload.properties(1));
        assertThat(Workload.properties(42)).containsEntry("order_id", "order-42").hasSize(4);
        assertThat(Workload.distinctId(3)).isSameAs(Workload.distinctId(3 + 1024));
    }

    private static IngestBenchmark.RunResult run(long sent, long delivered, boolean complete) {
        return new IngestBenchmark.RunResult(sent, delivered, complete, 1, 1, 1, 1, 1);
    }
}
