package io.tally.mcp.tool;

import java.util.Map;
import java.util.Objects;

/**
 * One tool as Tally defines it, independent of the MCP transport: name, texts, schemas, whether it only reads,
 * and its handler. {@link McpAdapters} turns it into the SDK's stateless or stateful tool specification.
 *
 * @param name         the tool's name, e.g. {@code <provider>_list_sites}
 * @param title        a short human title
 * @param description  what the tool returns and when to use it, written for an assistant
 * @param inputSchema  JSON Schema of the arguments
 * @param outputSchema JSON Schema of the structured content
 * @param readOnly     {@code true} for tools that only read; write tools are annotated {@code readOnlyHint: false}
 *                     and are not idempotent
 * @param handler      the tool's body
 */
public record ToolSpec(String name, String title, String description, Map<String, Object> inputSchema,
        Map<String, Object> outputSchema, boolean readOnly, ToolHandler handler) {
    public ToolSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(inputSchema, "inputSchema");
        Objects.requireNonNull(outputSchema, "outputSchema");
        Objects.requireNonNull(handler, "handler");
    }
}
