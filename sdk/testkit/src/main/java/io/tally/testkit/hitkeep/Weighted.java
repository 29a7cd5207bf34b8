package io.tally.testkit.hitkeep;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A list of values with weights, for picking at random. */
final class Weighted<T> {
    private final List<T> values = new ArrayList<>();
    private final List<Double> cumulative = new ArrayList<>();
    private double total;

    static <T> Weighted<T> of() {
        return new Weighted<>();
    }

    Weighted<T> add(T value, double weight) {
        total += weight;
        values.add(value);
        cumulative.add(total);
        return this;
    }

    T pick(Random random) {
        double x = random.nextDouble() * total;
        for (int i = 0; i < values.size(); i++) {
            if (x < cumulative.get(i)) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }
}
