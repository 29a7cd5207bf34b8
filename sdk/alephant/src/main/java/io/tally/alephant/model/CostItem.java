package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entity of a cost breakdown: `id`, `name`, `cost` (USD float); other fields kept.
 */
public final class CostItem extends AlephantObject {
    /** Wraps a payload as received. */
    public CostItem(JsonNode json) {
        super(json);
    }

    /** The entity id, or {@code null}. */
    public @Nullable String id() {
        return text("id");
    }

    /** The entity name, or {@code null}. */
    public @Nullable String name() {
        return text("name");
    }

    /** Spend (dollars), or {@code null}. */
    public @Nullable Money cost() {
        return money(Money.Unit.USD_DOLLARS, "cost");
    }
}
