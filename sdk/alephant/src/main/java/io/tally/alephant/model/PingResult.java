package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code {granularity, rows: [{request_count, cost_sum}]}} from {@code POST /v1/analytics/aggregate/ping}.
 */
public final class PingResult extends AlephantObject {
    /** Wraps a payload as received. */
    public PingResult(JsonNode json) {
        super(json);
    }

    /** The granularity used. */
    public @Nullable String granularity() {
        return text("granularity");
    }

    /** The sample rows. */
    public List<Rollup> rows() {
        return list(Rollup::new, "rows");
    }
}
