package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Daily costs of a virtual key ({@code GET /api/v1/cockpit/daily-costs}; MCP types {@code [{date, costCents, requests}]}, unverified).
 */
public final class CockpitDailyCosts extends CockpitResult {
    /** Wraps a whole response body as received. */
    public CockpitDailyCosts(JsonNode body) {
        super(body);
    }

    /** The days. */
    public List<Day> days() {
        return listOf(CockpitItems.itemsOf(json()), Day::new);
    }

    /** One day. */
    public static final class Day extends AlephantObject {
        Day(JsonNode json) {
            super(json);
        }

        /** The day as sent. */
        public @Nullable String date() {
            return text("date");
        }

        /** Spend ({@code costCents}), or {@code null}. */
        public @Nullable Money cost() {
            return money(Money.Unit.USD_CENTS, "costCents", "cost_cents");
        }

        /** Requests, or {@code null}. */
        public @Nullable Long requests() {
            return whole("requests");
        }
    }
}
