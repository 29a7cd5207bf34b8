package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One day of `GET /api/v1/analytics/usage` (or the Analytics API's `saas/usage`): `cost` is a USD float.
 */
public final class UsagePoint extends AlephantObject {
    /** Wraps a payload as received. */
    public UsagePoint(JsonNode json) {
        super(json);
    }

    /** The day as sent ({@code YYYY-MM-DD}). */
    public String date() {
        return text("date");
    }

    /** Requests that day, or {@code null}. */
    public Long requests() {
        return whole("requests");
    }

    /** Spend that day (dollars), or {@code null}. */
    public Money cost() {
        return money(Money.Unit.USD_DOLLARS, "cost");
    }

    /** Tokens that day, or {@code null}. */
    public Long tokens() {
        return whole("tokens");
    }
}
