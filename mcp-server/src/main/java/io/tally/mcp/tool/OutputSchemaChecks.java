package io.tally.mcp.tool;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether tool results are checked against their output schemas. The MCP SDK checks every result by default, which
 * costs a schema lookup and a second conversion of the result per call; the tools' results are checked by the test
 * suite instead (which sets {@value #PROPERTY}), and production serves them unchecked.
 */
public final class OutputSchemaChecks {
    /** The system property that turns the checks on ({@code true}); the test suite sets it. */
    public static final String PROPERTY = "tally.mcp.checkOutputSchemas";

    private static final JsonSchemaValidator UNCHECKED = new JsonSchemaValidator() {
        @Override
        public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
            return ValidationResponse.asValid(null);
        }
    };

    private OutputSchemaChecks() {}

    /** The validator to give the MCP SDK: the real one when {@value #PROPERTY} is {@code true}, else none. */
    public static JsonSchemaValidator validator() {
        return Boolean.getBoolean(PROPERTY) ? checking() : UNCHECKED;
    }

    /** The SDK's validator, fed the plain map of a result written once ({@link WrittenJson}). */
    static JsonSchemaValidator checking() {
        DefaultJsonSchemaValidator real = new DefaultJsonSchemaValidator();
        return new JsonSchemaValidator() {
            @Override
            public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
                Object plain = structuredContent instanceof WrittenJson written
                        ? new LinkedHashMap<>(written) : structuredContent;
                return real.validate(schema, plain);
            }

            @Override
            public ValidationResponse validateSchema(Map<String, Object> schema) {
                return real.validateSchema(schema);
            }
        };
    }
}
