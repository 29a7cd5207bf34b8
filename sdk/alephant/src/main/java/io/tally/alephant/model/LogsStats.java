package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code {period, totalRequests, totalCost, totalTokens}} from the Analytics API's {@code saas/logs-stats}.
 */
public final class LogsStats extends AlephantObject {
    /** Wraps a payload as received. */
    public LogsStats(JsonNode json) {
        super(json);
    }

    /** Requests, or {@code null}. */
    public @Nullable Long totalRequests() {
        return whole("totalRequests", "total_requests");
    }

    /** Spend (dollars), or {@code null}. */
    public @Nullable Money totalCost() {
        return money(Money.Unit.USD_DOLLARS, "totalCost", "total_cost");
    }

    /** Tokens, or {@code null}. */
    public @Nullable Long totalTokens() {
        return whole("totalTokens", "total_tokens");
    }
}
