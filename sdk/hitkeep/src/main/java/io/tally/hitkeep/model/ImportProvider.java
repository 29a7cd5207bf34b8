package io.tally.hitkeep.model;

import io.tally.core.OpenValue;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Which analytics product an import comes from. Open: the constants are the importers HitKeep 2.8.1
 * ships; {@link #of(String)} accepts any key listed by {@code imports().importers(siteId)}.
 */
public final class ImportProvider extends OpenValue {
    /** Plausible Analytics CSV/ZIP exports. */
    public static final ImportProvider PLAUSIBLE = new ImportProvider("plausible");
    /** Simple Analytics CSV exports. */
    public static final ImportProvider SIMPLE_ANALYTICS = new ImportProvider("simpleanalytics");

    private ImportProvider(String value) {
        super(value);
    }

    /** An importer by key, e.g. {@code plausible}. */
    @JsonCreator
    public static ImportProvider of(String key) {
        return new ImportProvider(OpenValue.trimmed(key, "import provider", "e.g. plausible, simpleanalytics"));
    }
}
