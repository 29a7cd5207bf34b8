package io.tally.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoadRoundsTest {
    private static LoadRounds.Result result(String name, double... p50s) {
        List<double[]> rounds = new java.util.ArrayList<>();
        for (double p50 : p50s) {
            rounds.add(new double[] {p50, p50 * 2, 1000 / p50, 100, p50 / 2});
        }
        return new LoadRounds.Result(name, 1, 0, 0, 0, 0, 0, rounds);
    }

    @Test
    void ratiosAreTakenRoundByRoundThenTheMedian() {
        // the floor's rounds swing with the machine's load; the target's swing with them
        LoadRounds.Result floor = result("floor", 100, 300, 100, 200, 100);
        LoadRounds.Result target = result("target", 110, 330, 90, 240, 105);

        assertThat(target.medianRatio(floor, LoadRounds.P50)).isEqualTo(1.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(target.ratioRange(floor, LoadRounds.P50)).containsExactly(0.9, 1.2);
        assertThat(floor.medianRatio(floor, LoadRounds.CPU)).isEqualTo(1.0);
    }

    @Test
    void everyTargetRunsInEveryRoundAndAFailureStopsTheRun() {
        AtomicInteger a = new AtomicInteger();
        AtomicInteger b = new AtomicInteger();
        Map<String, LoadRounds.Call> targets = new LinkedHashMap<>();
        targets.put("a", a::incrementAndGet);
        targets.put("b", b::incrementAndGet);

        List<LoadRounds.Result> results = LoadRounds.run(targets, 2, 1, 3, 1);

        assertThat(results).extracting(LoadRounds.Result::target).containsExactly("a", "b");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.rounds()).hasSize(3);
            assertThat(r.callers()).isEqualTo(2);
            assertThat(r.callsPerSecond()).isPositive();
        });
        assertThat(a.get()).isPositive();
        assertThat(b.get()).isPositive();

        Map<String, LoadRounds.Call> failing = Map.of("bad", () -> {
            throw new IllegalStateException("unexpected answer");
        });
        assertThatThrownBy(() -> LoadRounds.run(failing, 1, 1, 1, 1)).hasMessageContaining("unexpected answer");
    }
}
