package io.tally.mcp.tool;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tool's structured result together with the JSON it was written to once: the text copy of the result is that
 * JSON, and when the MCP SDK writes the response it copies the same JSON in rather than serialising the map a
 * second time. It is still the map it was made from, for schema checks in tests and for readers of the result.
 */
@JsonSerialize(using = WrittenJson.Writer.class)
final class WrittenJson extends LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;
    private final transient String json;

    WrittenJson(Map<String, Object> structured, String json) {
        super(structured);
        this.json = json;
    }

    /** The JSON of the map, written once. */
    String json() {
        return json;
    }

    /** Copies the JSON written once into the response. */
    static final class Writer extends JsonSerializer<WrittenJson> {
        @Override
        public void serialize(WrittenJson value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeRawValue(value.json);
        }
    }
}
