package io.tally.mcp.tool;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The help tool every provider offers next to its help resource, for clients that read no resources: returns the
 * resource's URI and its Markdown ({@code url}, {@code path} and {@code markdown}, the shape analytics providers'
 * own MCP servers use).
 */
public final class HelpTool {
    private HelpTool() {}

    /**
     * A read-only tool that returns {@code markdown}.
     *
     * @param name        the tool's name, e.g. {@code <provider>_get_mcp_help}
     * @param title       its human title
     * @param description when to call it
     * @param uri         the help resource's URI
     * @param markdown    the help text ({@code null}: empty, while the tool list that goes into the help is built)
     */
    public static ToolSpec spec(String name, String title, String description, String uri,
            @Nullable String markdown) {
        Map<String, Object> input = Schema.object().closed().build();
        Map<String, Object> output = Schema.object()
                .property("url", Schema.string("The help resource's URI."))
                .property("path", Schema.string("The help resource's URI (same as url)."))
                .property("markdown", Schema.string("The guidance, in Markdown."))
                .required("url", "path", "markdown")
                .build();
        return new ToolSpec(name, title, description, input, output, true, (ctx, args) -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("url", uri);
            out.put("path", uri);
            out.put("markdown", markdown == null ? "" : markdown);
            return out;
        });
    }
}
