package io.tally.hitkeep.model;

import java.util.List;

/**
 * A historical-data importer a site can use (e.g. Plausible or Simple Analytics exports).
 *
 * @param key                the provider key to pass to {@code imports().createUpload(…)}, e.g. {@code plausible}
 * @param name               the display name
 * @param acceptedExtensions file extensions it reads, e.g. {@code .zip}, {@code .csv}
 * @param capabilities       what it imports, e.g. {@code traffic}, {@code events}
 */
public record Importer(String key, String name, List<String> acceptedExtensions, List<String> capabilities) {
    /**
     * Copies {@code acceptedExtensions} and {@code capabilities} into unmodifiable lists; {@code null} becomes empty.
     */
    public Importer {
        acceptedExtensions = Immutable.list(acceptedExtensions);
        capabilities = Immutable.list(capabilities);
    }
}
