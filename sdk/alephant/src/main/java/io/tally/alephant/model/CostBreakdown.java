package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * `{period, breakdown: [{dimension, items}]}` from `/analytics/costs` (and the Analytics API's `saas/costs`).
 */
public final class CostBreakdown extends AlephantObject {
    /** Wraps a payload as received. */
    public CostBreakdown(JsonNode json) {
        super(json);
    }

    /** The period as sent, or {@code null}. */
    public @Nullable JsonNode period() {
        return node("period");
    }

    /** The dimensions. */
    public List<CostDimension> breakdown() {
        return list(CostDimension::new, "breakdown");
    }

    /** The dimension whose name starts with {@code prefix} (e.g. {@code agent}), if any. */
    public java.util.Optional<CostDimension> dimension(String prefix) {
        for (CostDimension d : breakdown()) {
            if (d.dimension() != null && d.dimension().toLowerCase(java.util.Locale.ROOT)
                    .startsWith(prefix.toLowerCase(java.util.Locale.ROOT))) {
                return java.util.Optional.of(d);
            }
        }
        return java.util.Optional.empty();
    }
}
