package io.tally.mcp;

import io.modelcontextprotocol.server.McpSyncServer;
import io.tally.core.Environment;
import io.tally.hitkeep.HitKeep;
import io.tally.mcp.hitkeep.HitKeepModule;
import io.tally.mcp.ops.Operations;
import io.tally.mcp.tool.ProviderModule;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

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
        CommandLine cli;
        try {
            cli = CommandLine.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("tally-mcp-server: " + e.getMessage());
            return 2;
        }
        if (cli.help) {
            out.print(CommandLine.HELP);
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
        configureLogging(cli.logLevel);
        try {
            return cli.stdio ? serveStdio(cli, env, in, out, err) : serveHttp(cli, env, out);
        } catch (RuntimeException e) {
            err.println("tally-mcp-server: " + e.getMessage());
            return 1;
        }
    }

    private static int serveHttp(CommandLine cli, Environment env, PrintStream out) {
        DemoBackends demo = cli.demo ? DemoBackends.start() : null;
        List<AutoCloseable> toClose = new ArrayList<>();
        TallyMcpServer.Builder builder = TallyMcpServer.builder().settings(cli.httpSettings());
        // every upstream call passes one gate: a fair share of the upstream budget per token, metrics, verification
        Operations ops = Operations.create(cli.httpSettings().guard());
        builder.operations(ops);
        for (String provider : cli.providers) {
            if (provider.equals("hitkeep")) {
                HitKeep base = hitKeepBase(demo != null ? demo.hitkeepBaseUrl() : cli.hitkeepBaseUrl, null,
                        ops.upstreamClient());
                String fallback = demo != null ? demo.hitkeepToken()
                        : cli.tokenFromEnv ? env.get("HITKEEP_API_TOKEN").map(String::trim).orElse(null) : null;
                builder.endpoint(HitKeepModule.create(base, hitKeepOptions(cli)), fallback);
            }
        }
        if (demo != null) {
            toClose.add(demo);
        }
        TallyMcpServer server = builder.build();
        toClose.add(0, server);
        try {
            server.start();
        } catch (RuntimeException e) {
            closeAll(toClose);
            throw e;
        }
        // the hook goes in before the banner, so a SIGTERM sent as soon as the banner shows still drains
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeAll(toClose);
            stopped.countDown();
        }, "tally-mcp-shutdown"));
        printBanner(cli, server, demo, out);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeAll(toClose);
        }
        return 0;
    }

    private static int serveStdio(CommandLine cli, Environment env, InputStream in, PrintStream out, PrintStream err) {
        DemoBackends demo = cli.demo ? DemoBackends.start() : null;
        String token = demo != null ? demo.hitkeepToken() : env.get("HITKEEP_API_TOKEN").map(String::trim).orElse(null);
        ProviderModule module = HitKeepModule.create(
                hitKeepBase(demo != null ? demo.hitkeepBaseUrl() : cli.hitkeepBaseUrl, token, null), hitKeepOptions(cli));
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

    private static HitKeep hitKeepBase(String baseUrl, String token, okhttp3.OkHttpClient upstreamClient) {
        HitKeep.Builder b = HitKeep.builder()
                .baseUrl(baseUrl)
                .userAgent("tally-mcp-server/" + Version.current())
                // an assistant waits for the answer: fail fast rather than queue behind HitKeep's limiter
                .maxRetries(1)
                .readTimeout(Duration.ofSeconds(30));
        if (token != null) {
            b.apiToken(token);
        }
        if (upstreamClient != null) {
            b.httpClient(upstreamClient);
        }
        return b.build();
    }

    private static HitKeepModule.Options hitKeepOptions(CommandLine cli) {
        return new HitKeepModule.Options(cli.allowWrites, cli.maxRangeDays, Clock.systemUTC());
    }

    private static void printBanner(CommandLine cli, TallyMcpServer server, DemoBackends demo, PrintStream out) {
        StringBuilder sb = new StringBuilder();
        sb.append("Tally MCP server ").append(Version.current()).append(" is up (")
                .append(cli.stateful ? "stateful" : "stateless").append(cli.allowWrites ? ", writes enabled" : "")
                .append(").\n");
        for (String p : server.providers()) {
            sb.append("  ").append(p).append(": ").append(server.endpoint(p)).append('\n');
        }
        if (demo != null) {
            sb.append("Demo mode: requests without a token use the demo token; demo data comes from an in-process fake ")
                    .append("HitKeep at ").append(demo.hitkeepBaseUrl()).append(".\n")
                    .append("Connect an MCP client, e.g.: claude mcp add --transport http tally-hitkeep ")
                    .append(server.endpoint("hitkeep")).append('\n');
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
