package io.tally.engagetrack.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The answer of a breakdown whose response fields EngageTrack does not publish (stats, pages, sources,
 * referrers, campaigns): the {@code data} object or array as received. {@link #rows()} finds the rows without
 * guessing their field names.
 */
public final class AnalyticsReport extends JsonView {
    /** @param json the {@code data} of the answer */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AnalyticsReport(@Nullable JsonNode json) {
        super(json);
    }

    /**
     * The rows: {@code data} itself when it is an array, otherwise the first array among its fields; empty
     * when there is none (e.g. stats, which are a single object: read them with {@link #number(String)}).
     */
    public List<JsonNode> rows() {
        JsonNode data = node();
        JsonNode array = data.isArray() ? data : null;
        if (array == null && data.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
            while (fields.hasNext() && array == null) {
                JsonNode v = fields.next().getValue();
                array = v.isArray() ? v : null;
            }
        }
        if (array == null) {
            return Collections.emptyList();
        }
        List<JsonNode> rows = new ArrayList<>();
        array.forEach(r -> rows.add(r.deepCopy()));
        return Collections.unmodifiableList(rows);
    }
}
