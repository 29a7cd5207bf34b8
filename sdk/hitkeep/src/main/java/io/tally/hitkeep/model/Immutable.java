package io.tally.hitkeep.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive copies for record components: models never expose {@code null} or mutable collections. */
final class Immutable {
    private Immutable() {}

    static <T> List<T> list(List<T> list) {
        return list == null || list.isEmpty() ? Collections.<T>emptyList()
                : Collections.unmodifiableList(new ArrayList<>(list));
    }

    static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null || map.isEmpty() ? Collections.<K, V>emptyMap()
                : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
