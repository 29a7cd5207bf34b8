package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Costs of a virtual key by model ({@code GET /api/v1/cockpit/cost-by-model}; MCP types, unverified).
 */
public final class CockpitModelCosts extends CockpitResult {
    /** Wraps a whole response body as received. */
    public CockpitModelCosts(JsonNode body) {
        super(body);
    }

    /** The models. */
    public List<Row> models() {
        return listOf(CockpitItems.itemsOf(json()), Row::new);
    }

    /** One model. */
    public static final class Row extends AlephantObject {
        Row(JsonNode json) {
            super(json);
        }

        /** The model. */
        public @Nullable String model() {
            return text("model");
        }

        /** Spend ({@code costCents}), or {@code null}. */
        public @Nullable Money cost() {
            return money(Money.Unit.USD_CENTS, "costCents", "cost_cents");
        }

        /** Input tokens, or {@code null}. */
        public @Nullable Long inputTokens() {
            return whole("inputTokens", "input_tokens");
        }

        /** Output tokens, or {@code null}. */
        public @Nullable Long outputTokens() {
            return whole("outputTokens", "output_tokens");
        }

        /** Requests, or {@code null}. */
        public @Nullable Long requests() {
            return whole("requests");
        }
    }
}
