package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which analytics product an import comes from. Open: the constants are the importers HitKeep 2.8.1
 * ships; {@link #of(String)} accepts any key listed by {@code imports().importers(siteId)}.
 */
public final class ImportProvider {
    /** Plausible Analytics CSV/ZIP exports. */
    public static final ImportProvider PLAUSIBLE = new ImportProvider("plausible");
    /** Simple Analytics CSV exports. */
    public static final ImportProvider SIMPLE_ANALYTICS = new ImportProvider("simpleanalytics");

    private final String value;

    private ImportProvider(String value) {
        this.value = value;
    }

    /** An importer by key, e.g. {@code plausible}. */
    @JsonCreator
    public static ImportProvider of(String key) {
        if (key == null || key.trim().isEmpty()) {
            throw new IllegalArgumentException("import provider must not be null or blank (e.g. plausible, simpleanalytics)");
        }
        return new ImportProvider(key.trim());
    }

    /** The key as HitKeep spells it. */
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImportProvider && ((ImportProvider) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
