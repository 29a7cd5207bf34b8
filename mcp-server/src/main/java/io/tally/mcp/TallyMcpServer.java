package io.tally.mcp;

import io.tally.mcp.http.CallerLimits;
import io.tally.mcp.http.GuardSettings;
import io.tally.mcp.http.McpGuardFilter;
import io.tally.mcp.http.OriginPolicy;
import io.tally.mcp.http.SessionBindings;
import io.tally.mcp.http.TokenRateLimiter;
import io.tally.mcp.ops.Drain;
import io.tally.mcp.ops.Operations;
import io.tally.mcp.ops.OpsServlets;
import io.tally.mcp.tool.CallerCredentials;
import io.tally.mcp.tool.CallerToken;
import io.tally.mcp.tool.ProviderModule;
import io.tally.mcp.tool.ToolSpec;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Streamable HTTP MCP server: one endpoint per provider at {@code /mcp/<provider>} (also
 * {@code /<provider>/mcp}, and {@code /mcp} when only one provider is served) on embedded Jetty, each behind a
 * {@link McpGuardFilter} (DNS-rebinding checks, body limit, per-request bearer token, per-token rate
 * limit, session ownership in stateful mode), plus {@code GET /healthz}, {@code GET /readyz} and
 * {@code GET /metrics}. {@link #close()} drains: readiness turns 503, new requests get 503, and the requests in flight
 * (even one whose body is still arriving) may finish within the shutdown grace period
 * ({@link GuardSettings#shutdownGrace()}); see {@link Drain}.
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
    private final Operations operations;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private @Nullable Drain drain;
    private @Nullable Server jetty;
    private @Nullable ServerConnector connector;

    private TallyMcpServer(HttpSettings settings, Map<String, Endpoint> endpoints, Operations operations) {
        this.settings = settings;
        this.endpoints = endpoints;
        this.operations = operations;
    }

    /** The metrics, verified tokens and upstream gates (one per provider) shared with the provider clients. */
    public Operations operations() {
        return operations;
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
        // a request counts as in flight from its headers on (the guard reads bodies without holding a thread), so
        // one whose body is still arriving when the drain begins is served, not refused
        http.setDelayDispatchUntilContent(false);
        ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
        c.setHost(settings.bind());
        c.setPort(settings.port());
        // once the drain is over, idle kept-alive connections close after this long (see close())
        c.setShutdownIdleTimeout(250);
        server.addConnector(c);
        GuardSettings guard = settings.guard();
        server.addBean(new NetworkConnectionLimit(guard.maxConnections(), server));

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        Drain drainer = new Drain(context);
        OriginPolicy policy = OriginPolicy.forBinding(settings.bind(), settings.allowedHosts(),
                settings.allowedOrigins());
        TokenRateLimiter limiter = new TokenRateLimiter(settings.rateLimitPerMinute(), settings.rateLimitBurst(),
                10_000, settings.nanoTime());
        CallerLimits limits = new CallerLimits(limiter,
                guard.perAddressPerMinute() == 0 ? null : new TokenRateLimiter(guard.perAddressPerMinute(),
                        guard.perAddressBurst(), 10_000, settings.nanoTime()),
                guard.unverifiedPerMinute() == 0 ? null : new TokenRateLimiter(guard.unverifiedPerMinute(),
                        guard.unverifiedBurst(), 10_000, settings.nanoTime()),
                operations.verifiedTokens());
        for (Endpoint e : endpoints.values()) {
            String path = "/mcp/" + e.module().name();
            McpServerFactory.HttpEndpoint mcp = McpServerFactory.http(e.module(), path, settings.stateful(),
                    settings.maxBodyBytes(), guard.sessionIdleTimeout());
            closeables.add(mcp.server());
            SessionBindings sessions = settings.stateful() ? new SessionBindings(guard.maxSessions(),
                    guard.maxSessionsPerToken(), guard.sessionIdleTimeout(), settings.nanoTime()) : null;
            Set<String> toolNames = new HashSet<>();
            for (ToolSpec t : e.module().tools()) {
                toolNames.add(t.name());
            }
            FilterHolder filter = new FilterHolder(new McpGuardFilter(e.module().displayName(), policy,
                    settings.maxBodyBytes(), limits, e.fallbackToken(), sessions, guard.bodyReadTimeout(), toolNames,
                    operations.metrics(), drainer::draining));
            filter.setAsyncSupported(true);
            ServletHolder holder = new ServletHolder(e.module().name(), mcp.servlet());
            holder.setAsyncSupported(true);
            // routes: /mcp/<provider>, its aliases, and the provider's headers (see ProviderRequestFilter)
            FilterHolder provider = new FilterHolder(new ProviderRequestFilter(e.module().displayName(), path,
                    e.module().callerHeaders(), e.fallback(), e.module()::refuseCaller));
            provider.setAsyncSupported(true);
            // both filters also on ASYNC dispatches: the guard reads bodies asynchronously and dispatches again
            for (String route : routes(e.module().name(), endpoints.size())) {
                context.addFilter(filter, route, EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
                context.addFilter(provider, route, EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
                context.addServlet(holder, route);
            }
        }
        if (endpoints.size() > 1) {
            context.addServlet(new ServletHolder("provider-index",
                    new ProviderIndexServlet(new ArrayList<>(endpoints.keySet()))), "/mcp");
        }
        context.addServlet(new ServletHolder("health", OpsServlets.health()), "/healthz");
        context.addServlet(new ServletHolder("ready", OpsServlets.readiness(() -> !drainer.draining())), "/readyz");
        context.addServlet(new ServletHolder("metrics", OpsServlets.metrics(operations.metrics())), "/metrics");
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowCauses(false);
        errors.setShowMessageInTitle(false);
        context.setErrorHandler(errors);
        // knows the requests in flight, so that close() lets exactly those finish (see Drain)
        server.setHandler(drainer);
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
        this.drain = drainer;
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

    /**
     * Drains and stops: {@code /readyz} answers 503 and new MCP requests get 503 at once (the port keeps answering
     * during the drain, so a load balancer sees it), the requests in flight (those the server began receiving
     * before, even one whose body is still arriving) may finish within the shutdown grace period, then the port
     * stops accepting, requests still unfinished are cut, and the MCP servers and the provider modules are closed.
     */
    @Override
    public synchronized void close() {
        Server running = jetty;
        Drain drainer = drain;
        if (running != null && drainer != null) { // both are set together by start()
            drainer.begin();
            long grace = settings.guard().shutdownGrace().toMillis();
            long deadline = System.nanoTime() + settings.guard().shutdownGrace().toNanos();
            LOG.info("draining: waiting up to {} ms for {} request(s) in flight", grace, drainer.inFlight());
            boolean interrupted = false;
            try {
                if (!drainer.awaitInFlight(settings.guard().shutdownGrace())) {
                    LOG.warn("{} request(s) still in flight after the {} ms shutdown grace period are cut",
                            drainer.inFlight(), grace);
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
            // Jetty's own graceful stop now only lets the last answers flush and closes idle connections (at most a
            // second, within the grace left); then it closes whatever is left
            running.setStopTimeout(Math.max(1, Math.min(1000, (deadline - System.nanoTime()) / 1_000_000L)));
            try {
                running.stop();
            } catch (java.util.concurrent.TimeoutException e) {
                LOG.debug("connections still open at the end of the drain were closed");
            } catch (Exception e) {
                LOG.warn("stopping Jetty failed: {}", e.toString());
            }
            jetty = null;
            LOG.info("drained and stopped");
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
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
    private record Endpoint(ProviderModule module, @Nullable CallerCredentials fallback) {
        @Nullable
        CallerToken fallbackToken() {
            return fallback == null ? null : fallback.callerToken();
        }
    }

    /** Builder for {@link TallyMcpServer}. */
    public static final class Builder {
        private HttpSettings settings = HttpSettings.defaults();
        private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        private @Nullable Operations operations;

        private Builder() {}

        /**
         * The metrics, verified tokens and upstream gates to share with the provider clients (each provider's HTTP
         * client should be {@link Operations#upstreamClient(String)} with its name); a fresh set from the settings
         * when not given.
         */
        public Builder operations(Operations value) {
            this.operations = Objects.requireNonNull(value, "operations");
            return this;
        }

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
        public Builder endpoint(ProviderModule module, @Nullable String fallbackToken) {
            return endpointWithFallback(module, fallbackToken == null ? null : CallerCredentials.bearer(fallbackToken));
        }

        /**
         * Serves a provider at {@code /mcp/<module.name()>} (and its aliases, see {@link #routes}).
         *
         * @param fallback used for requests without an {@code Authorization} header (a server-side token and
         *                 provider headers for local use, or the demo's); {@code null} to answer those with 401
         */
        public Builder endpointWithFallback(ProviderModule module, @Nullable CallerCredentials fallback) {
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
            return new TallyMcpServer(settings, new LinkedHashMap<>(endpoints),
                    operations != null ? operations : Operations.create(settings.guard()));
        }
    }
}
