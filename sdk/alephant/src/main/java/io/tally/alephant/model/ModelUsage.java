package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One model of `/analytics/models`: requests, cost (USD float) and token totals; field names unverified, both spellings read.
 */
public final class ModelUsage extends AlephantObject {
    /** Wraps a payload as received. */
    public ModelUsage(JsonNode json) {
        super(json);
    }

    /** The model name. */
    public String model() {
        return text("model", "name", "modelName", "model_name");
    }

    /** Requests, or {@code null}. */
    public Long requests() {
        return whole("requests", "request_count", "requestCount");
    }

    /** Spend (dollars), or {@code null}. */
    public Money cost() {
        return money(Money.Unit.USD_DOLLARS, "cost", "cost_sum");
    }

    /** Input tokens, or {@code null}. */
    public Long inputTokens() {
        return whole("inputTokens", "input_tokens");
    }

    /** Output tokens, or {@code null}. */
    public Long outputTokens() {
        return whole("outputTokens", "output_tokens");
    }

    /** Total tokens, or {@code null}. */
    public Long tokens() {
        return whole("tokens", "totalTokens", "total_tokens");
    }
}
