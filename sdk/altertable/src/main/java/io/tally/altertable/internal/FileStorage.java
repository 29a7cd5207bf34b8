package io.tally.altertable.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tally.altertable.Storage;
import io.tally.core.json.TallyJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Storage#file(Path)}: a JSON object in one file, cached in memory, rewritten on every change
 * through a forced temporary file and an atomic rename.
 */
public final class FileStorage implements Storage {
    private static final Logger LOG = LoggerFactory.getLogger("io.tally.altertable");

    private final Path file;
    /** Read on first access ({@code null} until then), replaced on every successful write. */
    private @Nullable Map<String, String> values;

    /**
     * A storage backed by {@code file}, resolved to an absolute path. Nothing is read until the first
     * access; a missing file reads as empty and a damaged one is moved aside to {@code <file>.corrupt}.
     */
    public FileStorage(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    @Override
    public synchronized @Nullable String get(String key) {
        return loaded().get(Objects.requireNonNull(key, "key"));
    }

    @Override
    public synchronized void set(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (value.equals(loaded().get(key))) {
            return;
        }
        Map<String, String> next = new TreeMap<>(loaded());
        next.put(key, value);
        write(next);
    }

    @Override
    public synchronized void remove(String key) {
        if (!loaded().containsKey(Objects.requireNonNull(key, "key"))) {
            return;
        }
        Map<String, String> next = new TreeMap<>(loaded());
        next.remove(key);
        write(next);
    }

    @Override
    public String toString() {
        return "Storage.file[" + file + "]";
    }

    private Map<String, String> loaded() {
        Map<String, String> current = values;
        if (current != null) {
            return current;
        }
        Map<String, String> read;
        try {
            byte[] bytes = Files.readAllBytes(file);
            read = new TreeMap<>(TallyJson.mapper().readValue(bytes, new TypeReference<Map<String, String>>() {}));
        } catch (NoSuchFileException e) {
            read = new TreeMap<>();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
            LOG.warn("Altertable: storage file {} is damaged; moved to {} and starting empty", file, aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // starting empty matters more than keeping the damaged copy
            }
            read = new TreeMap<>();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the storage file " + file, e);
        }
        values = read;
        return read;
    }

    private void write(Map<String, String> next) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            byte[] bytes = TallyJson.mapper().writeValueAsBytes(next);
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            values = next;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the storage file " + file, e);
        }
    }
}
