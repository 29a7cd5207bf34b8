package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

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
        public String date() {
            return text("date");
        }

        /** Spend ({@code costCents}), or {@code null}. */
        public Money cost() {
            return money(Money.Unit.USD_CENTS, "costCents", "cost_cents");
        }

        /** Requests, or {@code null}. */
        public Long requests() {
            return whole("requests");
        }
    }
}
