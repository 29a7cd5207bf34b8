package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * `{period, series: [{date, requests, cost, tokens}]}` from the usage routes.
 */
public final class UsageSeries extends AlephantObject {
    /** Wraps a payload as received. */
    public UsageSeries(JsonNode json) {
        super(json);
    }

    /** The period as sent (an object or text), or {@code null}. */
    public @Nullable JsonNode period() {
        return node("period");
    }

    /** The days of the series. */
    public List<UsagePoint> series() {
        return list(UsagePoint::new, "series");
    }

    /** The total spend of the series. */
    public Money totalCost() {
        Money total = Money.ofDollars(java.math.BigDecimal.ZERO);
        for (UsagePoint p : series()) {
            if (p.cost() != null) {
                total = Money.ofDollars(total.dollars().add(p.cost().dollars()));
            }
        }
        return total;
    }
}
