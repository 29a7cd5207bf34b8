package io.tally.altertable;

import io.tally.altertable.internal.FileStorage;
import io.tally.altertable.internal.MemoryStorage;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where {@link AltertableMobile} keeps its state between runs: the device id, the current and
 * previous ids, the session and when it was last active, the tracking consent, and payloads
 * waiting for consent. A small string key-value store; keys start with
 * {@code atbl.<key fingerprint>.<environment>.}, so several clients can share one store without
 * their identities mixing.
 *
 * <p>{@link #file(Path)} is the built-in persistent store; {@link #inMemory()} forgets everything
 * when the process ends (tests, short-lived tools). An Android app can also plug in its own, for
 * example over {@code SharedPreferences}:
 *
 * <pre>{@code
 * final class PreferencesStorage implements Storage {
 *     private final SharedPreferences prefs;
 *
 *     PreferencesStorage(Context context) {
 *         prefs = context.getSharedPreferences("altertable", Context.MODE_PRIVATE);
 *     }
 *
 *     @Override public String get(String key) { return prefs.getString(key, null); }
 *     @Override public void set(String key, String value) { prefs.edit().putString(key, value).apply(); }
 *     @Override public void remove(String key) { prefs.edit().remove(key).apply(); }
 * }
 * }</pre>
 *
 * <p>Implementations must be thread-safe. They may throw unchecked exceptions on I/O failure:
 * {@code AltertableMobile} reports them as {@link DeliveryFailure.Kind#STORAGE} and carries on with
 * what it has in memory.
 */
public interface Storage {
    /** The value stored under {@code key}, or {@code null}. */
    @Nullable
    String get(String key);

    /** Stores {@code value} (never {@code null}) under {@code key}, replacing any earlier value. */
    void set(String key, String value);

    /** Removes {@code key}; nothing happens when it is absent. */
    void remove(String key);

    /**
     * A store kept in one file (JSON), created on first write. Every change rewrites it crash-safely:
     * a temporary file is written and forced to disk, then atomically renamed over the old one. On
     * Android, pass a path under {@code Context.getFilesDir()}. A damaged file is set aside as
     * {@code <name>.corrupt} and the store starts empty.
     */
    static Storage file(Path file) {
        return new FileStorage(file);
    }

    /** A store that lives in memory only. */
    static Storage inMemory() {
        return new MemoryStorage();
    }
}
