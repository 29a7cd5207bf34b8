package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * `{period, models: [...]}` from `/analytics/models` (and `saas/models`).
 */
public final class ModelUsageReport extends AlephantObject {
    /** Wraps a payload as received. */
    public ModelUsageReport(JsonNode json) {
        super(json);
    }

    /** The period as sent, or {@code null}. */
    public @Nullable JsonNode period() {
        return node("period");
    }

    /** The models. */
    public List<ModelUsage> models() {
        return list(ModelUsage::new, "models");
    }
}
