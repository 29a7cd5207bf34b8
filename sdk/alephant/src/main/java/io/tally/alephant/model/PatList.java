package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code {data: [...], pagination: {total, limit, offset}}} from {@code GET /api/v1/pats}.
 */
public final class PatList extends AlephantObject {
    /** Wraps a payload as received. */
    public PatList(JsonNode json) {
        super(json);
    }

    /** The PATs of this page. */
    public List<Pat> pats() {
        return list(Pat::new, "data", "pats", "items");
    }

    /** The total number of PATs, or {@code null}. */
    public @Nullable Long total() {
        JsonNode p = node("pagination");
        return p == null ? whole("total") : new AlephantData(p).whole("total");
    }
}
