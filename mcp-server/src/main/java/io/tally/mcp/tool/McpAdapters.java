package io.tally.mcp.tool;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.tally.core.TallyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link ProviderModule}'s tools and resources into the MCP SDK's specifications, for the stateless
 * server (default), the stateful Streamable HTTP server and the stdio server alike. Every call goes through
 * {@link #invoke}: structured content plus the same JSON as text on success; {@code isError: true} with an
 * actionable message on failure. Tool calls are logged at DEBUG (the access log) with the caller's short token
 * hash, never the token.
 */
public final class McpAdapters {
    private static final Logger LOG = LoggerFactory.getLogger("io.tally.mcp.calls");

    private final ProviderModule module;
    private final McpJsonMapper json;

    /** Adapters for {@code module}, writing the text copy of structured results with {@code json}. */
    public McpAdapters(ProviderModule module, McpJsonMapper json) {
        this.module = module;
        this.json = json;
    }

    /** The SDK's description of a tool: schemas and annotations. */
    public static McpSchema.Tool describe(ToolSpec spec) {
        McpSchema.ToolAnnotations annotations = McpSchema.ToolAnnotations.builder()
                .title(spec.title())
                .readOnlyHint(spec.readOnly())
                .destructiveHint(spec.handler() instanceof ToolHints h && h.destructive())
                .idempotentHint(spec.handler() instanceof ToolHints h ? h.idempotent() : spec.readOnly())
                .openWorldHint(false)
                .build();
        return McpSchema.Tool.builder(spec.name(), spec.inputSchema())
                .title(spec.title())
                .description(spec.description())
                .outputSchema(spec.outputSchema())
                .annotations(annotations)
                .build();
    }

    /** Tools for the stateless server: the caller comes from the per-request transport context. */
    public List<McpStatelessServerFeatures.SyncToolSpecification> statelessTools() {
        List<McpStatelessServerFeatures.SyncToolSpecification> out = new ArrayList<>();
        for (ToolSpec spec : module.tools()) {
            out.add(McpStatelessServerFeatures.SyncToolSpecification.builder()
                    .tool(describe(spec))
                    .callHandler((ctx, request) -> invoke(spec, ToolContext.from(ctx), request.arguments()))
                    .build());
        }
        return out;
    }

    /**
     * Tools for the session-based servers (stateful HTTP, stdio): the caller comes from the transport context of
     * the HTTP request that carries this call, not from the session.
     */
    public List<McpServerFeatures.SyncToolSpecification> sessionTools() {
        List<McpServerFeatures.SyncToolSpecification> out = new ArrayList<>();
        for (ToolSpec spec : module.tools()) {
            out.add(McpServerFeatures.SyncToolSpecification.builder()
                    .tool(describe(spec))
                    .callHandler((exchange, request) -> invoke(spec, ToolContext.from(exchange.transportContext()),
                            request.arguments()))
                    .build());
        }
        return out;
    }

    /** Resources for the stateless server. */
    public List<McpStatelessServerFeatures.SyncResourceSpecification> statelessResources() {
        List<McpStatelessServerFeatures.SyncResourceSpecification> out = new ArrayList<>();
        for (ResourceSpec r : module.resources()) {
            out.add(new McpStatelessServerFeatures.SyncResourceSpecification(describe(r), (ctx, req) -> read(r)));
        }
        return out;
    }

    /** Resources for the session-based servers. */
    public List<McpServerFeatures.SyncResourceSpecification> sessionResources() {
        List<McpServerFeatures.SyncResourceSpecification> out = new ArrayList<>();
        for (ResourceSpec r : module.resources()) {
            out.add(new McpServerFeatures.SyncResourceSpecification(describe(r), (exchange, req) -> read(r)));
        }
        return out;
    }

    /** Prompts for the stateless server. */
    public List<McpStatelessServerFeatures.SyncPromptSpecification> statelessPrompts() {
        List<McpStatelessServerFeatures.SyncPromptSpecification> out = new ArrayList<>();
        for (PromptSpec p : module.prompts()) {
            out.add(new McpStatelessServerFeatures.SyncPromptSpecification(describe(p), (ctx, req) -> render(p, req)));
        }
        return out;
    }

    /** Prompts for the session-based servers. */
    public List<McpServerFeatures.SyncPromptSpecification> sessionPrompts() {
        List<McpServerFeatures.SyncPromptSpecification> out = new ArrayList<>();
        for (PromptSpec p : module.prompts()) {
            out.add(new McpServerFeatures.SyncPromptSpecification(describe(p), (exchange, req) -> render(p, req)));
        }
        return out;
    }

    private static McpSchema.Prompt describe(PromptSpec p) {
        List<McpSchema.PromptArgument> args = new ArrayList<>();
        for (PromptSpec.Argument a : p.arguments()) {
            args.add(McpSchema.PromptArgument.builder(a.name()).description(a.description()).required(a.required())
                    .build());
        }
        return McpSchema.Prompt.builder(p.name()).title(p.title()).description(p.description()).arguments(args).build();
    }

    private static McpSchema.GetPromptResult render(PromptSpec p, McpSchema.GetPromptRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        if (request.arguments() != null) {
            for (Map.Entry<String, Object> e : request.arguments().entrySet()) {
                if (e.getValue() != null && !e.getValue().toString().trim().isEmpty()) {
                    values.put(e.getKey(), e.getValue().toString().trim());
                }
            }
        }
        for (PromptSpec.Argument a : p.arguments()) {
            if (a.required() && !values.containsKey(a.name())) {
                throw new McpError(new McpSchema.JSONRPCResponse.JSONRPCError(
                        McpSchema.ErrorCodes.INVALID_PARAMS, "prompt " + p.name() + " needs the argument " + a.name(),
                        null));
            }
        }
        McpSchema.PromptMessage message = McpSchema.PromptMessage.builder(McpSchema.Role.USER,
                McpSchema.TextContent.builder(p.text().apply(values)).build()).build();
        return McpSchema.GetPromptResult.builder(Collections.singletonList(message)).description(p.description())
                .build();
    }

    private static McpSchema.Resource describe(ResourceSpec r) {
        return McpSchema.Resource.builder(r.uri(), r.name())
                .title(r.title())
                .description(r.description())
                .mimeType(r.mimeType())
                .size((long) r.text().getBytes(StandardCharsets.UTF_8).length)
                .build();
    }

    private static McpSchema.ReadResourceResult read(ResourceSpec r) {
        return McpSchema.ReadResourceResult.builder(Collections.singletonList(
                McpSchema.TextResourceContents.builder(r.uri(), r.text()).mimeType(r.mimeType()).build())).build();
    }

    /** Runs one tool call and turns its outcome into a tool result. */
    public McpSchema.CallToolResult invoke(ToolSpec spec, ToolContext context, Map<String, Object> rawArguments) {
        long started = System.nanoTime();
        Arguments args = Arguments.of(rawArguments);
        String outcome = "ok";
        try {
            rejectUnknownArguments(spec, rawArguments);
            Map<String, Object> structured = spec.handler().call(context, args);
            // written once: the text copy is this JSON, and the response copies it in (WrittenJson)
            String text = toJson(structured);
            return McpSchema.CallToolResult.builder()
                    .structuredContent(new WrittenJson(structured, text))
                    .addTextContent(text)
                    .isError(false)
                    .build();
        } catch (ToolFailure | IllegalArgumentException e) {
            outcome = "input-error";
            String message = e.getMessage();
            return error(message != null ? message : "invalid arguments");
        } catch (TallyException e) {
            outcome = "provider-error " + e.getClass().getSimpleName();
            return error(module.errorTranslator().translate(spec.name(), e, args));
        } catch (RuntimeException e) {
            outcome = "internal-error " + e.getClass().getSimpleName();
            LOG.error("tool {} failed unexpectedly (caller {})", spec.name(), context.callerLabel(), e);
            return error("internal error in " + spec.name() + " (" + e.getClass().getSimpleName()
                    + "); this is a bug in the Tally MCP server, please report it. Details: " + e.getMessage());
        } finally {
            // the access log is at DEBUG: at INFO it cost a formatted line per call (tens of MB an hour under load)
            if (LOG.isDebugEnabled()) {
                LOG.debug("tool={} caller={} outcome={} ms={}", spec.name(), context.callerLabel(), outcome,
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    /** A misspelt argument would otherwise be ignored silently and the call answered with defaults. */
    private static void rejectUnknownArguments(ToolSpec spec, Map<String, Object> arguments) {
        if (arguments == null || arguments.isEmpty()) {
            return;
        }
        Object properties = spec.inputSchema().get("properties");
        Set<String> known = properties instanceof Map<?, ?> m ? new TreeSet<>(keys(m)) : new TreeSet<>();
        for (String name : arguments.keySet()) {
            if (!known.contains(name)) {
                throw new ToolFailure("unknown argument '" + name + "'; " + spec.name() + (known.isEmpty()
                        ? " takes no arguments" : " takes: " + String.join(", ", known)));
            }
        }
    }

    private static Set<String> keys(Map<?, ?> map) {
        Set<String> out = new TreeSet<>();
        for (Object k : map.keySet()) {
            out.add(String.valueOf(k));
        }
        return out;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("could not write the tool result as JSON", e);
        }
    }

    /** A tool error result: {@code isError: true} and the message as text. */
    public static McpSchema.CallToolResult error(String message) {
        return McpSchema.CallToolResult.builder()
                .addTextContent(message)
                .isError(true)
                .build();
    }
}
