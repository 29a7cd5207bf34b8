package io.tally.mcp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpTransportContextExtractor;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.tally.mcp.http.McpGuardFilter;
import io.tally.mcp.provider.CallerModes;
import io.tally.mcp.tool.CallerCredentials;
import io.tally.mcp.tool.CallerToken;
import io.tally.mcp.tool.McpAdapters;
import io.tally.mcp.tool.ProviderModule;
import io.tally.mcp.tool.ToolContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/** Builds the MCP SDK servers and transports for a {@link ProviderModule}. */
final class McpServerFactory {
    /** The JSON mapper of the MCP protocol layer (the provider SDKs keep their own). */
    static final McpJsonMapper JSON = new JacksonMcpJsonMapper(
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));

    /** The MCP SDK's request timeout, the same for every transport. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private McpServerFactory() {}

    /**
     * The transport context of one HTTP request: the caller's credentials, from the token {@link McpGuardFilter}
     * accepted and the provider headers {@link ProviderRequestFilter} read.
     */
    static final McpTransportContextExtractor<HttpServletRequest> CALLER_EXTRACTOR = request -> {
        Object token = request.getAttribute(McpGuardFilter.CALLER_ATTRIBUTE);
        if (!(token instanceof CallerToken callerToken)) {
            return McpTransportContext.EMPTY;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (request.getAttribute(ToolContext.CALLER_HEADERS_KEY) instanceof Map<?, ?> values) {
            values.forEach((name, value) -> headers.put(String.valueOf(name), String.valueOf(value)));
        }
        return McpTransportContext.create(Collections.singletonMap(ToolContext.CALLER_TOKEN_KEY,
                CallerCredentials.of(callerToken, headers)));
    };

    /** A servlet and the MCP server behind it, closed together. */
    record HttpEndpoint(HttpServlet servlet, AutoCloseable server) {}

    /**
     * The servlet for one provider's endpoint. In stateful mode the SDK closes sessions that stay unused for
     * {@code sessionIdle} (they are swept every {@code sessionIdle}, so one lives at most twice that unused), in step
     * with the guard forgetting their binding: without the sweep the SDK's own session table would keep every session
     * a client never deleted.
     */
    static HttpEndpoint http(ProviderModule module, String path, boolean stateful, long maxBodyBytes,
            java.time.Duration sessionIdle) {
        if (module instanceof CallerModes) {
            // one server per mode of the caller's credentials, behind this path
            return ModeRouting.http(module, view -> http(view, path, stateful, maxBodyBytes, sessionIdle));
        }
        McpAdapters adapters = new McpAdapters(module, JSON);
        int maxBody = (int) Math.min(Integer.MAX_VALUE, maxBodyBytes);
        if (stateful) {
            HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider
                    .builder()
                    .jsonMapper(JSON)
                    .mcpEndpoint(path)
                    .contextExtractor(CALLER_EXTRACTOR)
                    .maxRequestSize(maxBody)
                    .sessionSweepInterval(sessionIdle)
                    .build();
            McpSyncServer server = sessionServer(McpServer.sync(transport), module, adapters);
            return new HttpEndpoint(transport, server::closeGracefully);
        }
        HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder()
                .jsonMapper(JSON)
                .messageEndpoint(path)
                .contextExtractor(CALLER_EXTRACTOR)
                .maxRequestSize(maxBody)
                .build();
        McpStatelessSyncServer server = McpServer.sync(new SetLevelAcceptingTransport(transport))
                .serverInfo(serverInfo(module))
                .instructions(module.instructions())
                .capabilities(capabilities(module))
                .jsonMapper(JSON)
                .requestTimeout(REQUEST_TIMEOUT)
                // arguments are checked by McpAdapters, with messages that say what to send instead
                .validateToolInputs(false)
                // output schemas are checked by the test suite, not on every production call
                .jsonSchemaValidator(io.tally.mcp.tool.OutputSchemaChecks.validator())
                .immediateExecution(true)
                .tools(adapters.statelessTools())
                .addToolFilter(ModeRouting.listFilter(module))
                .resources(adapters.statelessResources())
                .prompts(adapters.statelessPrompts())
                .build();
        return new HttpEndpoint(transport, server::closeGracefully);
    }

    /** A server for one provider over the given streams (stdin/stdout for desktop assistants). */
    static McpSyncServer stdio(ProviderModule module, InputStream in, OutputStream out) {
        // a module with caller modes serves the mode of the configured credentials
        module = ModeRouting.forServer(module);
        McpAdapters adapters = new McpAdapters(module, JSON);
        StdioServerTransportProvider transport = new StdioServerTransportProvider(JSON, in, out);
        return sessionServer(McpServer.sync(transport), module, adapters);
    }

    /** A server that keeps a session per client (Streamable HTTP with sessions, stdio), serving {@code module}. */
    private static McpSyncServer sessionServer(McpServer.SyncSpecification<?> spec, ProviderModule module,
            McpAdapters adapters) {
        return spec.serverInfo(serverInfo(module))
                .instructions(module.instructions())
                .capabilities(capabilities(module))
                .jsonMapper(JSON)
                .requestTimeout(REQUEST_TIMEOUT)
                // arguments are checked by McpAdapters, with messages that say what to send instead
                .validateToolInputs(false)
                // output schemas are checked by the test suite, not on every production call
                .jsonSchemaValidator(io.tally.mcp.tool.OutputSchemaChecks.validator())
                .tools(adapters.sessionTools())
                .addToolFilter(ModeRouting.listFilter(module))
                .resources(adapters.sessionResources())
                .prompts(adapters.sessionPrompts())
                .build();
    }

    static McpSchema.Implementation serverInfo(ProviderModule module) {
        return McpSchema.Implementation.builder("tally-" + module.name(), Version.current())
                .title("Tally MCP server for " + module.displayName())
                .build();
    }

    private static McpSchema.ServerCapabilities capabilities(ProviderModule module) {
        McpSchema.ServerCapabilities.Builder b = McpSchema.ServerCapabilities.builder()
                .tools(false)
                .resources(false, false)
                .logging();
        if (!module.prompts().isEmpty()) {
            b.prompts(false);
        }
        return b.build();
    }

    /**
     * The stateless transport, with {@code logging/setLevel} answered: the SDK's stateless server has no handler for
     * it, and without a session there is no level to keep. The server sends no log notifications in stateless mode,
     * so accepting any level is truthful (it can only lower what is sent, and nothing is).
     */
    private static final class SetLevelAcceptingTransport implements McpStatelessServerTransport {
        private final McpStatelessServerTransport delegate;

        SetLevelAcceptingTransport(McpStatelessServerTransport delegate) {
            this.delegate = delegate;
        }

        @Override
        public void setMcpHandler(McpStatelessServerHandler handler) {
            delegate.setMcpHandler(new McpStatelessServerHandler() {
                @Override
                public Mono<McpSchema.JSONRPCResponse> handleRequest(McpTransportContext context,
                        McpSchema.JSONRPCRequest request) {
                    if (McpSchema.METHOD_LOGGING_SET_LEVEL.equals(request.method())) {
                        return Mono.just(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, request.id(),
                                Collections.emptyMap(), null));
                    }
                    return handler.handleRequest(context, request);
                }

                @Override
                public Mono<Void> handleNotification(McpTransportContext context,
                        McpSchema.JSONRPCNotification notification) {
                    return handler.handleNotification(context, notification);
                }
            });
        }

        @Override
        public Mono<Void> closeGracefully() {
            return delegate.closeGracefully();
        }

        @Override
        public List<String> protocolVersions() {
            return delegate.protocolVersions();
        }
    }
}
