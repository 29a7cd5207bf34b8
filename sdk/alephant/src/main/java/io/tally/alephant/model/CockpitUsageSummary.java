package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Usage of a virtual key over a period ({@code GET /api/v1/cockpit/usage-summary}; MCP types, unverified): cost in cents.
 */
public final class CockpitUsageSummary extends CockpitResult {
    /** Wraps a whole response body as received. */
    public CockpitUsageSummary(JsonNode body) {
        super(body);
    }

    /** Spend ({@code totalCostCents}, cents), or {@code null}. */
    public Money totalCost() {
        return money(Money.Unit.USD_CENTS, "totalCostCents", "total_cost_cents");
    }

    /** Input tokens, or {@code null}. */
    public Long totalInputTokens() {
        return whole("totalInputTokens", "total_input_tokens");
    }

    /** Output tokens, or {@code null}. */
    public Long totalOutputTokens() {
        return whole("totalOutputTokens", "total_output_tokens");
    }

    /** Requests, or {@code null}. */
    public Long totalRequests() {
        return whole("totalRequests", "total_requests");
    }

    /** The period as sent, or {@code null}. */
    public String period() {
        return text("period");
    }
}
