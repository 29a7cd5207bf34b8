package io.tally.mcp;

import io.tally.mcp.http.McpGuardFilter;
import io.tally.mcp.http.OriginPolicy;
import io.tally.mcp.http.SessionBindings;
import io.tally.mcp.http.TokenRateLimiter;
import io.tally.mcp.tool.CallerCredentials;
import io.tally.mcp.tool.CallerToken;
import io.tally.mcp.tool.ProviderModule;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Streamable HTTP MCP server: one endpoint per provider at {@code /mcp/<provider>} (also
 * {@code /<provider>/mcp}, and {@code /mcp} when only one provider is served) on embedded Jetty, each behind a
 * {@link McpGuardFilter} (DNS-rebinding checks, body limit, per-request bearer token, per-token rate
 * limit, session ownership in stateful mode), plus {@code GET /healthz}.
 *
 * <pre>{@code
 * try (TallyMcpServer server = TallyMcpServer.builder()
 *         .settings(HttpSettings.defaults().withPort(0))
 *         .endpoint(hitkeepModule, null)        // null: every request must bring its own token
 *         .build()
 *         .start()) {
 *     URI endpoint = server.endpoint("hitkeep");   // http://127.0.0.1:<port>/mcp/hitkeep
 * }
 * }</pre>
 */
public final class TallyMcpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TallyMcpServer.class);

    private final HttpSettings settings;
    private final Map<String, Endpoint> endpoints;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private Server jetty;
    private ServerConnector connector;

    private TallyMcpServer(HttpSettings settings, Map<String, Endpoint> endpoints) {
        this.settings = settings;
        this.endpoints = endpoints;
    }

    /** Starts configuring a server. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts listening.
     *
     * @throws IllegalStateException when the port cannot be bound
     */
    public synchronized TallyMcpServer start() {
        if (jetty != null) {
            throw new IllegalStateException("server already started");
        }
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("tally-mcp");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
        c.setHost(settings.bind());
        c.setPort(settings.port());
        server.addConnector(c);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        OriginPolicy policy = OriginPolicy.forBinding(settings.bind(), settings.allowedHosts(), settings.allowedOrigins());
        TokenRateLimiter limiter = new TokenRateLimiter(settings.rateLimitPerMinute(), settings.rateLimitBurst(),
                10_000, settings.nanoTime());
        for (Endpoint e : endpoints.values()) {
            String path = "/mcp/" + e.module().name();
            McpServerFactory.HttpEndpoint mcp = McpServerFactory.http(e.module(), path, settings.stateful(),
                    settings.maxBodyBytes());
            closeables.add(mcp.server());
            SessionBindings sessions = settings.stateful() ? new SessionBindings(10_000) : null;
            FilterHolder guard = new FilterHolder(new McpGuardFilter(e.module().displayName(), policy,
                    settings.maxBodyBytes(), limiter, e.fallbackToken(), sessions));
            guard.setAsyncSupported(true);
            ServletHolder holder = new ServletHolder(e.module().name(), mcp.servlet());
            holder.setAsyncSupported(true);
            // routes: /mcp/<provider>, its aliases, and the provider's headers (see ProviderRequestFilter)
            FilterHolder provider = new FilterHolder(new ProviderRequestFilter(e.module().displayName(), path,
                    e.module().callerHeaders(), e.fallback(), e.module()::refuseCaller));
            provider.setAsyncSupported(true);
            for (String route : routes(e.module().name(), endpoints.size())) {
                context.addFilter(guard, route, EnumSet.of(DispatcherType.REQUEST));
                context.addFilter(provider, route, EnumSet.of(DispatcherType.REQUEST));
                context.addServlet(holder, route);
            }
        }
        if (endpoints.size() > 1) {
            context.addServlet(new ServletHolder("provider-index",
                    new ProviderIndexServlet(new ArrayList<>(endpoints.keySet()))), "/mcp");
        }
        context.addServlet(new ServletHolder("health", new HealthServlet()), "/healthz");
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowCauses(false);
        errors.setShowMessageInTitle(false);
        context.setErrorHandler(errors);
        server.setHandler(context);
        server.setStopTimeout(2000);
        try {
            server.start();
        } catch (Exception ex) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // already failing
            }
            throw new IllegalStateException("could not start the MCP server on " + settings.bind() + ":"
                    + settings.port() + ": " + ex.getMessage(), ex);
        }
        this.jetty = server;
        this.connector = c;
        LOG.info("Tally MCP server listening on http://{}:{} ({}; endpoints: {})", hostForUrl(), port(),
                settings.stateful() ? "stateful sessions" : "stateless", String.join(", ", endpoints.keySet()));
        return this;
    }

    /**
     * The paths a provider answers at: {@code /mcp/<provider>}, {@code /<provider>/mcp} (for clients that replace
     * any path not ending in {@code /mcp}, such as the MCP Inspector CLI), and {@code /mcp} when it is the only
     * provider served.
     */
    static List<String> routes(String provider, int providersServed) {
        List<String> out = new ArrayList<>(List.of("/mcp/" + provider, "/" + provider + "/mcp"));
        if (providersServed == 1) {
            out.add("/mcp");
        }
        return out;
    }

    /** The port listened on (the chosen one when started with port 0). */
    public int port() {
        if (connector == null) {
            throw new IllegalStateException("server not started");
        }
        return connector.getLocalPort();
    }

    /** The URL of a provider's endpoint, e.g. {@code http://127.0.0.1:8080/mcp/hitkeep}. */
    public java.net.URI endpoint(String provider) {
        if (!endpoints.containsKey(provider)) {
            throw new IllegalArgumentException("no endpoint for provider '" + provider + "'; serving "
                    + endpoints.keySet());
        }
        return java.net.URI.create("http://" + hostForUrl() + ":" + port() + "/mcp/" + provider);
    }

    /** The providers served, by name. */
    public List<String> providers() {
        return new ArrayList<>(endpoints.keySet());
    }

    private String hostForUrl() {
        String b = settings.bind();
        if (b.equals("0.0.0.0") || b.equals("::") || b.isEmpty()) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "localhost";
            }
        }
        return b.contains(":") && !b.startsWith("[") ? "[" + b + "]" : b;
    }

    /** Stops listening, closes the MCP servers and the provider modules. */
    @Override
    public synchronized void close() {
        if (jetty != null) {
            try {
                jetty.stop();
            } catch (Exception e) {
                LOG.warn("stopping Jetty failed: {}", e.toString());
            }
            jetty = null;
        }
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("closing {} failed: {}", c, e.toString());
            }
        }
        closeables.clear();
        for (Endpoint e : endpoints.values()) {
            e.module().close();
        }
    }

    /** A provider module and the credentials used when a request brings no token (or null: 401). */
    private record Endpoint(ProviderModule module, CallerCredentials fallback) {
        CallerToken fallbackToken() {
            return fallback == null ? null : fallback.callerToken();
        }
    }

    /** Builder for {@link TallyMcpServer}. */
    public static final class Builder {
        private HttpSettings settings = HttpSettings.defaults();
        private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

        private Builder() {}

        /** Listening and protection settings; {@link HttpSettings#defaults()} when not set. */
        public Builder settings(HttpSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Serves a provider at {@code /mcp/<module.name()>}.
         *
         * @param fallbackToken used for requests without an {@code Authorization} header (a server-side token for
         *                      local use, or the demo token); {@code null} to answer those with 401
         */
        public Builder endpoint(ProviderModule module, String fallbackToken) {
            return endpointWithFallback(module, fallbackToken == null ? null : CallerCredentials.bearer(fallbackToken));
        }

        /**
         * Serves a provider at {@code /mcp/<module.name()>} (and its aliases, see {@link #routes}).
         *
         * @param fallback used for requests without an {@code Authorization} header (a server-side token and
         *                 provider headers for local use, or the demo's); {@code null} to answer those with 401
         */
        public Builder endpointWithFallback(ProviderModule module, CallerCredentials fallback) {
            Objects.requireNonNull(module, "module");
            if (endpoints.containsKey(module.name())) {
                throw new IllegalArgumentException("provider '" + module.name() + "' is already served");
            }
            endpoints.put(module.name(), new Endpoint(module, fallback));
            return this;
        }

        /**
         * The server, not yet listening: call {@link TallyMcpServer#start()}.
         *
         * @throws IllegalStateException when no provider was added
         */
        public TallyMcpServer build() {
            if (endpoints.isEmpty()) {
                throw new IllegalStateException("no provider to serve; add one with endpoint(...)");
            }
            return new TallyMcpServer(settings, new LinkedHashMap<>(endpoints));
        }
    }

    /** {@code GET /healthz}: 200 "ok" once started (used by scripts that wait for readiness). */
    private static final class HealthServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain; charset=utf-8");
            resp.getOutputStream().write("ok\n".getBytes(StandardCharsets.UTF_8));
        }
    }
}
