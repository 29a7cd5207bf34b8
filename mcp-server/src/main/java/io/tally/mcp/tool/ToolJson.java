package io.tally.mcp.tool;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.core.json.TallyJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SDK models as the structured content of a tool: snake_case JSON objects, nulls left out. */
public final class ToolJson {
    private static final ObjectMapper SNAKE = TallyJson.snakeCaseMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private ToolJson() {}

    /** A model as a JSON object (snake_case, nulls left out); an empty object for {@code null}. */
    public static Map<String, Object> json(Object model) {
        return model == null ? new LinkedHashMap<>() : SNAKE.convertValue(model, MAP);
    }

    /** A list of models as JSON objects. */
    public static List<Map<String, Object>> jsonList(List<?> models) {
        List<Map<String, Object>> out = new ArrayList<>(models.size());
        for (Object m : models) {
            out.add(json(m));
        }
        return out;
    }

    /** A list of models as JSON objects, cut to the limit. */
    public static List<Map<String, Object>> jsonList(List<?> models, RowLimit limit) {
        return jsonList(limit.cut(models));
    }
}
