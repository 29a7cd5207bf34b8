package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Usage of a virtual key over a period ({@code GET /api/v1/cockpit/usage-summary}; MCP types, unverified): cost in cents.
 */
public final class CockpitUsageSummary extends CockpitResult {
    /** Wraps a whole response body as received. */
    public CockpitUsageSummary(JsonNode body) {
        super(body);
    }

    /** Spend ({@code totalCostCents}, cents), or {@code null}. */
    public @Nullable Money totalCost() {
        return money(Money.Unit.USD_CENTS, "totalCostCents", "total_cost_cents");
    }

    /** Input tokens, or {@code null}. */
    public @Nullable Long totalInputTokens() {
        return whole("totalInputTokens", "total_input_tokens");
    }

    /** Output tokens, or {@code null}. */
    public @Nullable Long totalOutputTokens() {
        return whole("totalOutputTokens", "total_output_tokens");
    }

    /** Requests, or {@code null}. */
    public @Nullable Long totalRequests() {
        return whole("totalRequests", "total_requests");
    }

    /** The period as sent, or {@code null}. */
    public @Nullable String period() {
        return text("period");
    }
}
