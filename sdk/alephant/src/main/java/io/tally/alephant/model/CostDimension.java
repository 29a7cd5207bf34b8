package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One dimension of a cost breakdown (agents, departments, master keys…).
 */
public final class CostDimension extends AlephantObject {
    /** Wraps a payload as received. */
    public CostDimension(JsonNode json) {
        super(json);
    }

    /** The dimension name as sent, e.g. {@code agents}. */
    public @Nullable String dimension() {
        return text("dimension");
    }

    /** The entities of the dimension. */
    public List<CostItem> items() {
        return list(CostItem::new, "items");
    }
}
