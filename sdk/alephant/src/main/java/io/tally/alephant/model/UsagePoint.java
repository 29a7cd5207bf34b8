package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One day of `GET /api/v1/analytics/usage` (or the Analytics API's `saas/usage`): `cost` is a USD float.
 */
public final class UsagePoint extends AlephantObject {
    /** Wraps a payload as received. */
    public UsagePoint(JsonNode json) {
        super(json);
    }

    /** The day as sent ({@code YYYY-MM-DD}). */
    public @Nullable String date() {
        return text("date");
    }

    /** Requests that day, or {@code null}. */
    public @Nullable Long requests() {
        return whole("requests");
    }

    /** Spend that day (dollars), or {@code null}. */
    public @Nullable Money cost() {
        return money(Money.Unit.USD_DOLLARS, "cost");
    }

    /** Tokens that day, or {@code null}. */
    public @Nullable Long tokens() {
        return whole("tokens");
    }
}
