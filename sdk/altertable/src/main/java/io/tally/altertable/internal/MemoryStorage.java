package io.tally.altertable.internal;

import io.tally.altertable.Storage;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** {@link Storage#inMemory()}. */
public final class MemoryStorage implements Storage {
    private final ConcurrentHashMap<String, String> values = new ConcurrentHashMap<>();

    @Override
    public @Nullable String get(String key) {
        return values.get(Objects.requireNonNull(key, "key"));
    }

    @Override
    public void set(String key, String value) {
        values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    @Override
    public void remove(String key) {
        values.remove(Objects.requireNonNull(key, "key"));
    }

    @Override
    public String toString() {
        return "Storage.inMemory[" + values.size() + " keys]";
    }
}
