package io.tally.mcp.tool;

import java.util.Map;

/** The body of a tool: reads the arguments, calls a provider SDK, returns the structured result. */
@FunctionalInterface
public interface ToolHandler {
    /**
     * Runs the tool.
     *
     * @return the structured content (a JSON object)
     * @throws ToolFailure for an error the assistant should read; SDK exceptions are translated by the provider's
     *                     {@link ErrorTranslator}
     */
    Map<String, Object> call(ToolContext context, Arguments arguments);
}
