package io.tally.mcp;

import io.modelcontextprotocol.server.McpSyncListFilter;
import io.modelcontextprotocol.spec.McpSchema;
import io.tally.mcp.http.JsonRpcReply;
import io.tally.mcp.provider.CallerModes;
import io.tally.mcp.tool.CallerCredentials;
import io.tally.mcp.tool.CallerHeader;
import io.tally.mcp.tool.ErrorTranslator;
import io.tally.mcp.tool.PromptSpec;
import io.tally.mcp.tool.ProviderModule;
import io.tally.mcp.tool.ResourceSpec;
import io.tally.mcp.tool.ToolContext;
import io.tally.mcp.tool.ToolFailure;
import io.tally.mcp.tool.ToolSpec;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Serves a module whose tool set depends on the caller's credentials ({@link CallerModes}): one MCP server per mode
 * behind the same path, each request handed to the server of its caller's mode. A mode's server lists that mode's
 * tools and prompts and greets with its instructions; it still answers a call to another mode's tool, with a tool
 * error naming the credential that tool needs, so an assistant that guessed a name learns what to do.
 */
final class ModeRouting {
    private ModeRouting() {}

    /**
     * The HTTP endpoint of a module with caller modes: one server per mode, behind one servlet.
     *
     * @param single builds the endpoint of one mode's view of the module
     */
    static McpServerFactory.HttpEndpoint http(ProviderModule module,
            Function<ProviderModule, McpServerFactory.HttpEndpoint> single) {
        CallerModes modes = (CallerModes) module;
        Map<String, McpServerFactory.HttpEndpoint> byMode = new LinkedHashMap<>();
        for (ProviderModule view : views(module, modes)) {
            byMode.put(((View) view).mode.name(), single.apply(view));
        }
        List<AutoCloseable> servers = new ArrayList<>();
        byMode.values().forEach(e -> servers.add(e.server()));
        return new McpServerFactory.HttpEndpoint(new Dispatcher(modes, byMode), () -> {
            for (AutoCloseable s : servers) {
                s.close();
            }
        });
    }

    /**
     * The module as a server without callers of its own serves it (stdio): the view of the server-side credentials'
     * mode, or the module itself when it has no modes.
     *
     * @throws IllegalArgumentException when the server-side credentials fit no mode
     */
    static ProviderModule forServer(ProviderModule module) {
        if (!(module instanceof CallerModes modes)) {
            return module;
        }
        String mode = modes.serverMode().orElse(modes.modes().get(0).name());
        return new View(module, modes.mode(mode), modes);
    }

    /** The tools/list filter of a module's server: a mode's view lists its mode's tools, anything else all. */
    static McpSyncListFilter<McpSchema.Tool> listFilter(ProviderModule module) {
        if (module instanceof View view) {
            Set<String> listed = view.mode.tools();
            return (context, tool) -> listed.contains(tool.name());
        }
        return (context, tool) -> true;
    }

    /**
     * One view per mode.
     *
     * @throws IllegalStateException when the modes are empty, share a name, name a tool or prompt the module lacks,
     *                               or leave one of its tools out
     */
    static List<ProviderModule> views(ProviderModule module, CallerModes modes) {
        if (modes.modes().isEmpty()) {
            throw new IllegalStateException(module.name() + ": declares caller modes but none");
        }
        Set<String> tools = new HashSet<>();
        module.tools().forEach(t -> tools.add(t.name()));
        Set<String> prompts = new HashSet<>();
        module.prompts().forEach(p -> prompts.add(p.name()));
        Set<String> names = new HashSet<>();
        Set<String> covered = new HashSet<>();
        List<ProviderModule> out = new ArrayList<>();
        for (CallerModes.Mode m : modes.modes()) {
            if (!names.add(m.name())) {
                throw new IllegalStateException(module.name() + ": mode '" + m.name() + "' is declared twice");
            }
            if (!tools.containsAll(m.tools()) || !prompts.containsAll(m.prompts())) {
                throw new IllegalStateException(module.name() + ": mode '" + m.name() + "' lists a tool or prompt "
                        + "the module does not have");
            }
            covered.addAll(m.tools());
            out.add(new View(module, m, modes));
        }
        if (!covered.equals(tools)) {
            tools.removeAll(covered);
            throw new IllegalStateException(module.name() + ": tools in no mode: " + tools);
        }
        return out;
    }

    /** Why {@code tool} is refused in {@code mode}: the modes that offer it and how to get there. */
    static String refusal(String tool, CallerModes.Mode mode, CallerModes modes) {
        List<String> offering = new ArrayList<>();
        for (CallerModes.Mode other : modes.modes()) {
            if (other.tools().contains(tool)) {
                offering.add(other.name() + "-mode tool: call it with " + other.credential());
            }
        }
        return tool + " is a " + String.join(", or a ", offering) + ". This call is in " + mode.name() + " mode ("
                + mode.credential() + "); tools/list shows the tools this credential can use.";
    }

    /** One mode of a module: its tools listed, the others answered with a refusal, its prompts, its instructions. */
    private static final class View implements ProviderModule {
        private final ProviderModule module;
        private final CallerModes.Mode mode;
        private final List<ToolSpec> tools;
        private final List<PromptSpec> prompts;

        View(ProviderModule module, CallerModes.Mode mode, CallerModes modes) {
            this.module = module;
            this.mode = mode;
            List<ToolSpec> t = new ArrayList<>();
            for (ToolSpec spec : module.tools()) {
                if (mode.tools().contains(spec.name())) {
                    t.add(spec);
                } else {
                    String refusal = refusal(spec.name(), mode, modes);
                    t.add(new ToolSpec(spec.name(), spec.title(), spec.description(), spec.inputSchema(),
                            spec.outputSchema(), spec.readOnly(), (context, arguments) -> {
                                throw new ToolFailure(refusal);
                            }));
                }
            }
            this.tools = List.copyOf(t);
            List<PromptSpec> p = new ArrayList<>();
            for (PromptSpec spec : module.prompts()) {
                if (mode.prompts().contains(spec.name())) {
                    p.add(spec);
                }
            }
            this.prompts = List.copyOf(p);
        }

        @Override
        public String name() {
            return module.name();
        }

        @Override
        public String displayName() {
            return module.displayName();
        }

        @Override
        public String instructions() {
            return mode.instructions();
        }

        @Override
        public List<ToolSpec> tools() {
            return tools;
        }

        @Override
        public List<ResourceSpec> resources() {
            return module.resources();
        }

        @Override
        public List<PromptSpec> prompts() {
            return prompts;
        }

        @Override
        public List<CallerHeader> callerHeaders() {
            return module.callerHeaders();
        }

        @Override
        public @Nullable String refuseCaller(@Nullable String bearerToken, Map<String, String> headers) {
            return module.refuseCaller(bearerToken, headers);
        }

        @Override
        public ErrorTranslator errorTranslator() {
            return module.errorTranslator();
        }

        @Override
        public void close() {
            // the module is closed by whoever created it, once, not by each of its views
        }
    }

    /** Hands each request to the server of its caller's mode. */
    private static final class Dispatcher extends HttpServlet {
        private static final long serialVersionUID = 1L;

        private final transient CallerModes modes;
        private final transient Map<String, McpServerFactory.HttpEndpoint> byMode;

        Dispatcher(CallerModes modes, Map<String, McpServerFactory.HttpEndpoint> byMode) {
            this.modes = modes;
            this.byMode = byMode;
        }

        @Override
        public void init(ServletConfig config) throws ServletException {
            super.init(config);
            for (McpServerFactory.HttpEndpoint e : byMode.values()) {
                e.servlet().init(config);
            }
        }

        @Override
        public void service(ServletRequest req, ServletResponse res) throws ServletException, IOException {
            HttpServletRequest request = (HttpServletRequest) req;
            Object caller = McpServerFactory.CALLER_EXTRACTOR.extract(request).get(ToolContext.CALLER_TOKEN_KEY);
            String mode;
            try {
                mode = caller instanceof CallerCredentials c ? modes.modeOf(c)
                        : modes.serverMode().orElse(modes.modes().get(0).name());
            } catch (IllegalArgumentException e) {
                HttpServletResponse response = (HttpServletResponse) res;
                response.setHeader("Cache-Control", "no-store");
                JsonRpcReply.of(400, JsonRpcReply.INVALID_REQUEST, "Bad Request: " + e.getMessage()).writeTo(response);
                return;
            }
            McpServerFactory.HttpEndpoint endpoint = byMode.get(mode);
            if (endpoint == null) {
                throw new IllegalStateException("mode '" + mode + "' is not declared");
            }
            endpoint.servlet().service(req, res);
        }

        @Override
        public void destroy() {
            for (McpServerFactory.HttpEndpoint e : byMode.values()) {
                e.servlet().destroy();
            }
            super.destroy();
        }
    }
}
