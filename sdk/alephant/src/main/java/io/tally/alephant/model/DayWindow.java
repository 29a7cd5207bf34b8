package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A window of calendar days {@code {startDate, endDate}} echoed by the Analytics API's atomic routes.
 */
public final class DayWindow extends AlephantObject {
    /** Wraps a payload as received. */
    public DayWindow(JsonNode json) {
        super(json);
    }

    /** The first day as sent. */
    public String startDate() {
        return text("startDate", "start_date", "start");
    }

    /** The last day as sent. */
    public String endDate() {
        return text("endDate", "end_date", "end");
    }
}
