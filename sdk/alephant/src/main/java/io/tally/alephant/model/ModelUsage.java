package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One model of `/analytics/models`: requests, cost (USD float) and token totals; field names unverified, both spellings read.
 */
public final class ModelUsage extends AlephantObject {
    /** Wraps a payload as received. */
    public ModelUsage(JsonNode json) {
        super(json);
    }

    /** The model name. */
    public @Nullable String model() {
        return text("model", "name", "modelName", "model_name");
    }

    /** Requests, or {@code null}. */
    public @Nullable Long requests() {
        return whole("requests", "request_count", "requestCount");
    }

    /** Spend (dollars), or {@code null}. */
    public @Nullable Money cost() {
        return money(Money.Unit.USD_DOLLARS, "cost", "cost_sum");
    }

    /** Input tokens, or {@code null}. */
    public @Nullable Long inputTokens() {
        return whole("inputTokens", "input_tokens");
    }

    /** Output tokens, or {@code null}. */
    public @Nullable Long outputTokens() {
        return whole("outputTokens", "output_tokens");
    }

    /** Total tokens, or {@code null}. */
    public @Nullable Long tokens() {
        return whole("tokens", "totalTokens", "total_tokens");
    }
}
