package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A window of calendar days {@code {startDate, endDate}} echoed by the Analytics API's atomic routes.
 */
public final class DayWindow extends AlephantObject {
    /** Wraps a payload as received. */
    public DayWindow(@Nullable JsonNode json) {
        super(json);
    }

    /** The first day as sent. */
    public @Nullable String startDate() {
        return text("startDate", "start_date", "start");
    }

    /** The last day as sent. */
    public @Nullable String endDate() {
        return text("endDate", "end_date", "end");
    }
}
