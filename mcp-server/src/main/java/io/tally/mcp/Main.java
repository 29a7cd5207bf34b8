package io.tally.mcp;

import io.modelcontextprotocol.server.McpSyncServer;
import io.tally.core.Environment;
import io.tally.mcp.ops.Operations;
import io.tally.mcp.provider.McpProvider;
import io.tally.mcp.provider.ProviderConfig;
import io.tally.mcp.provider.ProviderRegistry;
import io.tally.mcp.tool.CallerCredentials;
import io.tally.mcp.tool.CallerHeader;
import io.tally.mcp.tool.CallerToken;
import io.tally.mcp.tool.ProviderModule;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * {@code java -jar tally-mcp-server.jar}: parses the options ({@code --help} lists them), then serves Streamable
 * HTTP (default), stdio ({@code --stdio}) or the demo ({@code --demo}).
 */
public final class Main {
    private Main() {}

    /** Runs the server with the process's arguments and environment; exits non-zero on failure. */
    public static void main(String[] args) {
        int code = run(args, Environment.system(), System.in, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs the server until it is stopped (HTTP: the process is interrupted; stdio: the input ends).
     *
     * @return the exit code: 0 after a clean stop, 2 for bad options, 1 when the server could not start
     */
    static int run(String[] args, Environment env, InputStream in, PrintStream out, PrintStream err) {
        return run(args, env, in, out, err, ProviderRegistry.discovered());
    }

    /** {@link #run(String[], Environment, InputStream, PrintStream, PrintStream)} with the given providers. */
    static int run(String[] args, Environment env, InputStream in, PrintStream out, PrintStream err,
            ProviderRegistry registry) {
        CommandLine cli;
        try {
            cli = CommandLine.parse(args, env, registry);
        } catch (IllegalArgumentException e) {
            err.println("tally-mcp-server: " + e.getMessage());
            return 2;
        }
        if (cli.help) {
            out.print(CommandLine.help(registry));
            return 0;
        }
        if (cli.version) {
            out.println("tally-mcp-server " + Version.current());
            return 0;
        }
        Optional<String> problem = cli.problem(env);
        if (problem.isPresent()) {
            err.println("tally-mcp-server: " + problem.get());
            return 2;
        }
        for (String name : cli.httpSettings().guard().upstreamByProvider().keySet()) {
            if (registry.find(name).isEmpty()) {
                err.println("tally-mcp-server: --upstream-rate names unknown provider '" + name + "'; known: "
                        + String.join(", ", registry.names()));
                return 2;
            }
        }
        configureLogging(cli.logLevel);
        io.tally.mcp.provider.BackendHttp.configure(cli.backendPoolIdle);
        try {
            String command = cli.command;
            if (command != null) {
                return runCommand(cli, command, env, out, err);
            }
            return cli.stdio ? serveStdio(cli, env, in, out, err) : serveHttp(cli, env, out);
        } catch (RuntimeException e) {
            err.println("tally-mcp-server: " + e.getMessage());
            return 1;
        }
    }

    private static int serveHttp(CommandLine cli, Environment env, PrintStream out) {
        DemoBackends demo = cli.demo ? DemoBackends.start(cli.served()) : null;
        List<AutoCloseable> toClose = new ArrayList<>();
        // every upstream call passes its provider's gate: a fair share of that provider's budget per token, metrics,
        // verification of the tokens the upstream accepted
        Operations ops = Operations.create(cli.httpSettings().guard());
        if (demo != null) {
            toClose.add(demo);
        }
        TallyMcpServer server;
        try {
            TallyMcpServer.Builder builder = TallyMcpServer.builder().settings(cli.httpSettings()).operations(ops);
            for (McpProvider provider : cli.served()) {
                String baseUrl = demo != null ? demo.of(provider.name()).baseUrl() : givenBaseUrl(cli, provider);
                CallerCredentials fallback = demo != null ? demo.of(provider.name()).credentials()
                        : cli.tokenFromEnv ? fromEnvironment(provider, env) : null;
                // over HTTP the base client has no token: each request brings its caller's (or the fallback)
                builder.endpointWithFallback(provider.createModule(config(cli, baseUrl, null,
                        ops.upstreamClient(provider.name()))), fallback);
            }
            server = builder.build();
            toClose.add(0, server);
            server.start();
        } catch (RuntimeException e) {
            closeAll(toClose);
            throw e;
        }
        // SIGTERM or SIGINT starts the drain on this thread, and the process exits 0 when it is over; the hook covers
        // every other way out (System.exit elsewhere, signals that cannot be handled). Both go in before the banner,
        // so a signal sent as soon as the banner shows still drains.
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        StopSignals.install(stop::countDown);
        long hookWaitMillis = cli.httpSettings().guard().shutdownGrace().toMillis() + 5_000;
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(hookWaitMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tally-mcp-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        printBanner(cli, server, demo, out);
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeAll(toClose);
        stopped.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already: the hook has seen the drain end
        }
        return 0;
    }

    private static int serveStdio(CommandLine cli, Environment env, InputStream in, PrintStream out, PrintStream err) {
        McpProvider provider = cli.served().get(0);
        DemoBackends demo = cli.demo ? DemoBackends.start(List.of(provider)) : null;
        ProviderModule module;
        try {
            String baseUrl = demo != null ? demo.of(provider.name()).baseUrl() : givenBaseUrl(cli, provider);
            CallerCredentials credentials = demo != null ? demo.of(provider.name()).credentials()
                    : fromEnvironment(provider, env);
            module = provider.createModule(config(cli, baseUrl, credentials, null));
        } catch (RuntimeException e) {
            if (demo != null) {
                demo.close();
            }
            throw e;
        }
        CountDownLatch done = new CountDownLatch(1);
        McpSyncServer server = McpServerFactory.stdio(module, new EndAwareInputStream(in, done::countDown), out);
        err.println("tally-mcp-server: serving " + module.displayName() + " over stdio"
                + (demo != null ? " (demo data)" : ""));
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.closeGracefully();
            module.close();
            if (demo != null) {
                demo.close();
            }
        }
        return 0;
    }

    /** A provider's one-shot command ({@code --audit}), with the credentials of {@code --stdio} (or the demo's). */
    private static int runCommand(CommandLine cli, String command, Environment env, PrintStream out,
            PrintStream err) {
        McpProvider provider = cli.served().get(0);
        try (DemoBackends demo = cli.demo ? DemoBackends.start(List.of(provider)) : null) {
            String baseUrl = demo != null ? demo.of(provider.name()).baseUrl() : givenBaseUrl(cli, provider);
            CallerCredentials credentials = demo != null ? demo.of(provider.name()).credentials()
                    : fromEnvironment(provider, env);
            return provider.runCommand(command, config(cli, baseUrl, credentials, null), out, err);
        }
    }

    /** The provider's base URL from the command line or its default ({@link CommandLine#problem} has checked one). */
    private static String givenBaseUrl(CommandLine cli, McpProvider provider) {
        return Objects.requireNonNull(cli.baseUrl(provider.name()), "base URL");
    }

    private static ProviderConfig config(CommandLine cli, String baseUrl, @Nullable CallerCredentials serverCredentials,
            okhttp3.@Nullable OkHttpClient httpClient) {
        return new ProviderConfig(baseUrl, serverCredentials, cli.moduleOptions(),
                "tally-mcp-server/" + Version.current(), httpClient);
    }

    /**
     * A provider's server-side credentials from the environment: its token variable and the variables of its
     * caller headers ({@link CommandLine#problem} has checked that the required ones are set).
     */
    static CallerCredentials fromEnvironment(McpProvider provider, Environment env) {
        String token = env.get(provider.tokenVariable()).map(String::trim).orElse("");
        Map<String, String> headers = new LinkedHashMap<>();
        for (CallerHeader h : provider.callerHeaders()) {
            Optional<String> value = env.get(h.variable()).filter(v -> !v.trim().isEmpty());
            if (value.isPresent()) {
                try {
                    headers.put(h.name(), h.check(value.get()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(h.variable() + ": " + e.getMessage(), e);
                }
            }
        }
        return CallerCredentials.of(CallerToken.of(token), headers);
    }

    private static void printBanner(CommandLine cli, TallyMcpServer server, @Nullable DemoBackends demo,
            PrintStream out) {
        StringBuilder sb = new StringBuilder();
        sb.append("Tally MCP server ").append(Version.current()).append(" is up (")
                .append(cli.stateful ? "stateful" : "stateless").append(cli.allowWrites ? ", writes enabled" : "")
                .append(").\n");
        for (String p : server.providers()) {
            List<String> aliases = TallyMcpServer.routes(p, server.providers().size());
            sb.append("  ").append(p).append(": ").append(server.endpoint(p)).append(" (also ")
                    .append(String.join(", ", aliases.subList(1, aliases.size()))).append(")\n");
        }
        if (demo != null) {
            String first = server.providers().get(0);
            sb.append(
                    "Demo mode: requests without a token use the demo token; demo data comes from in-process fakes (");
            StringJoiner fakes = new StringJoiner(", ");
            demo.baseUrls().forEach((name, url) -> fakes.add(name + " at " + url));
            sb.append(fakes).append(").\n")
                    .append("Connect an MCP client, e.g.: claude mcp add --transport http tally-").append(first)
                    .append(' ').append(server.endpoint(first)).append('\n');
        } else {
            sb.append("Send your own token with each request: Authorization: Bearer <token>.\n");
        }
        out.print(sb);
        out.flush();
    }

    private static void closeAll(List<AutoCloseable> closeables) {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception ignored) {
                // shutting down anyway
            }
        }
    }

    /** slf4j-simple reads its settings once, when the first logger is made: set them before that. */
    private static void configureLogging(String level) {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", level);
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        setIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.io.modelcontextprotocol", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.okhttp3", "warn");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Tells when stdin ends: the stdio session is over and the process may exit. */
    private static final class EndAwareInputStream extends FilterInputStream {
        private final Runnable onEnd;

        EndAwareInputStream(InputStream in, Runnable onEnd) {
            super(in);
            this.onEnd = onEnd;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                onEnd.run();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n < 0) {
                onEnd.run();
            }
            return n;
        }
    }
}
