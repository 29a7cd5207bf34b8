package io.tally.benchmarks;

import io.tally.hitkeep.HitKeep;
import io.tally.testkit.hitkeep.HitKeepDemo;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar tally-benchmarks.jar mcp}: the Tally MCP server (started with its launcher and {@code --demo})
 * next to the direct SDK call it makes and to {@code @modelcontextprotocol/server-everything}'s {@code echo} tool
 * (Node, installed from npm by {@code sdk/benchmarks/peer/server-everything.sh}; skipped when npm is missing):
 * cold start to the first {@code tools/list}, RSS idle and after load, and tools/call p50/p99/throughput.
 */
final class McpBenchmark {
    static final String USAGE = """
            usage: java -jar tally-benchmarks.jar mcp [--callers 1,16,64] [--rounds 3] [--round-ms 1000]
                   [--warmup-ms 1500] [--starts 3] [--no-peer] [--root DIR (the repository, default .)]
                   java -jar tally-benchmarks.jar mcp soak [--calls 100000] [--laps 2] [--callers 16] [--root DIR]
            """;
    private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    private static final String TOOLS_LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
    /**
     * {@code --demo} with the server's rate limits out of the way: the per-token and per-address request limits and
     * the upstream budget (8 calls a second by default, sized for a real HitKeep's per-IP limit) would otherwise
     * measure the configured budget, not the server's cost.
     */
    static final String[] TALLY_FLAGS = {"--demo", "--rate-limit", "100000000", "--rate-burst", "100000",
            "--address-rate-limit", "0", "--upstream-rate", "0"};
    private static final Pattern DEMO_URL = Pattern.compile("hitkeep at (http://127\\.0\\.0\\.1:\\d+)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private McpBenchmark() {}

    static int run(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("soak")) {
            return soak(Arrays.copyOfRange(args, 1, args.length));
        }
        List<Integer> callers = List.of(1, 16, 64);
        int rounds = 3;
        long roundMs = 1000;
        long warmupMs = 1500;
        int starts = 3;
        boolean peer = true;
        Path root = Path.of(".");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--callers" ->
                    callers = Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--round-ms" -> roundMs = Long.parseLong(value);
                case "--warmup-ms" -> warmupMs = Long.parseLong(value);
                case "--starts" -> starts = Integer.parseInt(value);
                case "--root" -> root = Path.of(value);
                case "--no-peer" -> {
                    peer = false;
                    i--;
                }
                default -> {
                    System.err.print(USAGE);
                    return 2;
                }
            }
            i++;
        }
        return new McpBenchmark().measure(root, callers, rounds, roundMs, warmupMs, starts, peer);
    }

    private int measure(Path root, List<Integer> callers, int rounds, long roundMs, long warmupMs, int starts,
            boolean withPeer) throws Exception {
        Path launcher = root.resolve("mcp-server/bin/tally-mcp-server");
        Path jar = root.resolve("mcp-server/target/tally-mcp-server.jar");
        Path peerScript = root.resolve("sdk/benchmarks/peer/server-everything.sh");
        if (!Files.isRegularFile(jar)) {
            System.err.println("no " + jar + ": build it first (mvn -B -ntp -pl mcp-server -am package -DskipTests)");
            return 2;
        }
        String[] tallyFlags = TALLY_FLAGS;
        // the launcher makes its class-data archive on its first start: not part of a cold start
        try (Server warm = Server.start(command(launcher.toString(), tallyFlags), null)) {
            waitForToolsList(warm, "/mcp/hitkeep", false);
        }
        boolean peerAvailable = withPeer && peerStarts(peerScript);
        if (withPeer && !peerAvailable) {
            System.out.println(
                    "peer: skipped, server-everything could not be installed or started (is npm on the PATH?)");
        }

        // cold starts, interleaved
        Map<String, List<double[]>> cold = new LinkedHashMap<>();
        for (int i = 0; i < starts; i++) {
            cold.computeIfAbsent("Tally, bin/tally-mcp-server --demo (AppCDS, lean JVM)", k -> new ArrayList<>())
                    .add(coldStart(command(launcher.toString(), tallyFlags), "/mcp/hitkeep", false));
            cold.computeIfAbsent("Tally, java -jar tally-mcp-server.jar --demo (no CDS archive, default JVM)",
                    k -> new ArrayList<>()).add(
                            coldStart(command("java", "-jar", jar.toString(), "--demo"),
                                    "/mcp/hitkeep", false));
            if (peerAvailable) {
                cold.computeIfAbsent("server-everything (Node 22), streamableHttp", k -> new ArrayList<>())
                        .add(coldStart(List.of(peerScript.toString()), "/mcp", true));
            }
        }
        if (starts > 0) {
            printColdStarts(cold, starts);
        }

        // load
        Server peer = peerAvailable ? Server.start(List.of(peerScript.toString()), null) : null;
        try (Server tally = Server.start(command(launcher.toString(), tallyFlags), null)) {
            waitForToolsList(tally, "/mcp/hitkeep", false);
            String peerSession = peer != null ? waitForToolsList(peer, "/mcp", true) : null;
            Matcher demo = DEMO_URL.matcher(tally.output());
            if (!demo.find()) {
                throw new IllegalStateException("no demo URL in the server's banner: " + tally.output());
            }
            // the same pool size as the server's backend pool (BackendHttp), so both keep their connections
            HitKeep direct = HitKeep.builder().baseUrl(demo.group(1)).apiToken(HitKeepDemo.TOKEN)
                    .httpClient(new okhttp3.OkHttpClient.Builder().connectionPool(new okhttp3.ConnectionPool(64, 30,
                            java.util.concurrent.TimeUnit.SECONDS)).build())
                    .build();
            Thread.sleep(2000); // settle before the idle figure
            double idleRss = tally.rssMb();
            double peerIdleRss = peer != null ? peer.rssMb() : 0;
            Map<String, LoadRounds.Call> targets = new LinkedHashMap<>();
            String tallyUrl = "http://127.0.0.1:" + tally.port + "/mcp/hitkeep";
            targets.put("SDK direct: sites().list()", () -> check(direct.sites().list().execute().size() > 0, "sites"));
            targets.put("Tally MCP: hitkeep_list_sites", () -> check(post(tallyUrl, call("hitkeep_list_sites", "{}"),
                    null).contains("\"sites\""), "list"));
            targets.put("Tally MCP: hitkeep_get_mcp_help (local)", () -> check(post(tallyUrl,
                    call("hitkeep_get_mcp_help", "{}"), null).contains("isError\":false"), "help"));
            if (peer != null) {
                String peerUrl = "http://127.0.0.1:" + peer.port + "/mcp";
                targets.put("server-everything: echo", () -> check(post(peerUrl,
                        call("echo", "{\"message\":\"hello\"}"), peerSession).contains("Echo: hello"), "echo"));
            }
            List<LoadRounds.Result> results = new ArrayList<>();
            Map<Integer, double[]> rssAfter = new LinkedHashMap<>();
            for (int c : callers) {
                results.addAll(LoadRounds.run(targets, c, warmupMs, rounds, roundMs));
                rssAfter.put(c, new double[] {tally.rssMb(), peer != null ? peer.rssMb() : 0});
            }
            System.out.println();
            System.out.printf(Locale.ROOT,
                    "tools/call: medians of %d interleaved rounds of %d ms; ratios to the direct SDK"
                            + " call at the same caller count%n",
                    rounds, roundMs);
            System.out.println("| callers | call | p50 µs | p99 µs | calls/s | p50 ratio | calls/s ratio |");
            System.out.println("|---:|---|---:|---:|---:|---:|---:|");
            for (LoadRounds.Result r : results) {
                LoadRounds.Result sdk = results.stream().filter(f -> f.callers() == r.callers()
                        && f.target().startsWith("SDK direct")).findFirst().orElse(r);
                System.out.printf(Locale.ROOT, "| %d | %s | %.0f | %.0f | %.0f | %.2f× | %.2f× |%n", r.callers(),
                        r.target(), r.p50Micros(), r.p99Micros(), r.callsPerSecond(), r.p50Micros() / sdk.p50Micros(),
                        r.callsPerSecond() / sdk.callsPerSecond());
            }
            System.out.println();
            System.out.println("| RSS MB | Tally MCP (launcher) | server-everything |");
            System.out.println("|---|---:|---:|");
            System.out.printf(Locale.ROOT, "| idle, 2 s after start | %.0f | %s |%n", idleRss,
                    peer != null ? String.format(Locale.ROOT, "%.0f", peerIdleRss) : "-");
            rssAfter.forEach(
                    (c, rss) -> System.out.printf(Locale.ROOT, "| after the %d-caller rounds | %.0f | %s |%n", c,
                            rss[0], peer != null ? String.format(Locale.ROOT, "%.0f", rss[1]) : "-"));
        } finally {
            if (peer != null) {
                peer.close();
            }
        }
        return 0;
    }

    /**
     * {@code mcp soak}: {@code laps} laps of {@code calls} mixed tool calls (HitKeep's sites, overview, goals and
     * help, Alke's properties; not EngageTrack, whose fake keeps EngageTrack's 600 calls a minute) at
     * {@code callers} callers against the launcher's server with {@code --demo}; before the first lap and after each
     * one, the server's RSS and its live heap after a forced full GC ({@code jcmd <pid> GC.run}, then
     * {@code GC.heap_info}).
     */
    static int soak(String[] args) throws Exception {
        long calls = 100_000;
        int laps = 2;
        int callers = 16;
        Path root = Path.of(".");
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--calls" -> calls = Long.parseLong(value);
                case "--laps" -> laps = Integer.parseInt(value);
                case "--callers" -> callers = Integer.parseInt(value);
                case "--root" -> root = Path.of(value);
                default -> {
                    System.err.print(USAGE);
                    return 2;
                }
            }
        }
        return new McpBenchmark().soak(root, calls, laps, callers);
    }

    private int soak(Path root, long calls, int laps, int callers) throws Exception {
        Path launcher = root.resolve("mcp-server/bin/tally-mcp-server");
        if (!Files.isRegularFile(root.resolve("mcp-server/target/tally-mcp-server.jar"))) {
            System.err.println("no server jar: build it first (mvn -B -ntp -pl mcp-server -am package -DskipTests)");
            return 2;
        }
        try (Server tally = Server.start(command(launcher.toString(), TALLY_FLAGS), null)) {
            waitForToolsList(tally, "/mcp/hitkeep", false);
            String base = "http://127.0.0.1:" + tally.port + "/mcp/";
            List<String[]> mix = List.of(
                    new String[] {base + "hitkeep", call("hitkeep_list_sites", "{}"), "\"sites\""},
                    new String[] {base + "hitkeep", call("hitkeep_get_site_overview",
                            "{\"site_id\":\"" + HitKeepDemo.SHOP_SITE_ID + "\"}"), "isError\":false"},
                    new String[] {base + "hitkeep", call("hitkeep_get_mcp_help", "{}"), "isError\":false"},
                    new String[] {base + "hitkeep", call("hitkeep_list_goals",
                            "{\"site_id\":\"" + HitKeepDemo.SHOP_SITE_ID + "\"}"), "isError\":false"},
                    new String[] {base + "alke", call("alke_list_properties", "{}"), "isError\":false"});
            for (String[] m : mix) {
                String answer = post(m[0], m[1], null);
                check(answer.contains(m[2]), m[1] + ": " + answer.substring(0, Math.min(300, answer.length())));
            }
            Thread.sleep(2000); // settle before the idle figure
            System.out.printf(Locale.ROOT,
                    "Soak: %d laps of %,d mixed tools/call at %d callers (HitKeep sites, overview, "
                            + "goals and help, Alke properties), server started with its launcher and --demo%n",
                    laps, calls,
                    callers);
            System.out.println(
                    "| after calls | RSS MB | live heap MB (after a full GC) | RSS MB after that GC | calls/s |");
            System.out.println("|---:|---:|---:|---:|---:|");
            printSoakRow(tally, 0, Double.NaN);
            for (int lap = 1; lap <= laps; lap++) {
                double rate = lap(mix, calls, callers);
                printSoakRow(tally, lap * calls, rate);
            }
        }
        return 0;
    }

    private void printSoakRow(Server s, long after, double rate) throws Exception {
        double rss = s.rssMb();
        double live = s.liveHeapMb();
        System.out.printf(Locale.ROOT, "| %,d | %.0f | %.1f | %.0f | %s |%n", after, rss, live, s.rssMb(),
                Double.isNaN(rate) ? "-" : String.format(Locale.ROOT, "%.0f", rate));
    }

    /** Makes {@code calls} calls from the mix, round robin, at {@code callers} callers; returns calls a second. */
    private double lap(List<String[]> mix, long calls, int callers) throws Exception {
        java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread[] threads = new Thread[callers];
        long began = System.nanoTime();
        for (int t = 0; t < callers; t++) {
            threads[t] = new Thread(() -> {
                long i;
                while (failure.get() == null && (i = next.getAndIncrement()) < calls) {
                    String[] m = mix.get((int) (i % mix.size()));
                    try {
                        check(post(m[0], m[1], null).contains(m[2]), m[1]);
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, "soak-caller-" + t);
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a soak call failed: " + failure.get(), failure.get());
        }
        return calls / ((System.nanoTime() - began) / 1e9);
    }

    private static void printColdStarts(Map<String, List<double[]>> cold, int starts) {
        System.out.println();
        System.out.printf(Locale.ROOT, "Cold start to the first tools/list answer: medians of %d interleaved starts%n",
                starts);
        System.out.println("| server | wall ms | CPU ms (user+sys) | RSS MB then |");
        System.out.println("|---|---:|---:|---:|");
        cold.forEach((name, samples) -> System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f |%n", name,
                median(samples, 0), median(samples, 1), median(samples, 2)));
    }

    private static String call(String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}";
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("unexpected answer to " + what);
        }
    }

    private List<String> command(String program, String... args) {
        List<String> out = new ArrayList<>();
        out.add(program);
        out.addAll(Arrays.asList(args));
        return out;
    }

    private boolean peerStarts(Path script) {
        try (Server s = Server.start(List.of(script.toString()), null)) {
            waitForToolsList(s, "/mcp", true);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** {wall ms, CPU ms, RSS MB} from launch to the first tools/list answer. */
    private double[] coldStart(List<String> command, String path, boolean session) throws Exception {
        long began = System.nanoTime();
        try (Server s = Server.start(command, null)) {
            waitForToolsList(s, path, session);
            double wall = (System.nanoTime() - began) / 1e6;
            return new double[] {wall, s.cpuMillis(), s.rssMb()};
        }
    }

    /** Polls until the server answers tools/list; returns the session id for a server that keeps sessions. */
    private String waitForToolsList(Server s, String path, boolean session) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String url = "http://127.0.0.1:" + s.port + path;
        while (System.nanoTime() < until) {
            if (!s.process.isAlive()) {
                throw new IllegalStateException("the server exited: " + s.output());
            }
            try {
                String id = null;
                if (session) {
                    HttpResponse<String> init = send(url, INIT, null);
                    id = init.headers().firstValue("mcp-session-id").orElse(null);
                    send(url, INITIALIZED, id);
                }
                HttpResponse<String> list = send(url, TOOLS_LIST, id);
                if (list.statusCode() == 200 && list.body().contains("\"tools\"")) {
                    return id;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(5); // polling a child process's port: there is nothing to wait on
        }
        throw new IllegalStateException("no tools/list answer within 120 s: " + s.output());
    }

    private String post(String url, String body, String session) throws Exception {
        HttpResponse<String> r = send(url, body, session);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private HttpResponse<String> send(String url, String body, String session) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-06-18").POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double median(List<double[]> samples, int index) {
        double[] v = samples.stream().mapToDouble(s -> s[index]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** A server process on a free port, its output kept in a file. */
    private static final class Server implements AutoCloseable {
        final Process process;
        final int port;
        final File log;

        private Server(Process process, int port, File log) {
            this.process = process;
            this.port = port;
            this.log = log;
        }

        static Server start(List<String> command, Map<String, String> env) throws IOException {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            List<String> full = new ArrayList<>(command);
            boolean peer = full.get(0).endsWith("server-everything.sh");
            if (peer) {
                full.add(String.valueOf(port));
            } else {
                full.add("--port");
                full.add(String.valueOf(port));
            }
            File log = File.createTempFile("mcp-bench-", ".log");
            log.deleteOnExit();
            ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log);
            if (env != null) {
                pb.environment().putAll(env);
            }
            return new Server(pb.start(), port, log);
        }

        String output() {
            try {
                return Files.readString(log.toPath(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        /** The JVM or Node process itself (the launcher script execs into it; the peer script too). */
        private long pid() {
            Optional<ProcessHandle> child = process.toHandle().descendants()
                    .filter(h -> h.info().command().map(c -> c.endsWith("java") || c.endsWith("node")).orElse(false))
                    .findFirst();
            return child.map(ProcessHandle::pid).orElse(process.pid());
        }

        double rssMb() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                    }
                }
            } catch (IOException | RuntimeException e) {
                return Double.NaN;
            }
            return Double.NaN;
        }

        /**
         * The JVM's live heap: a full GC forced with {@code jcmd <pid> GC.run}, then the used sizes of the heap's
         * generations or regions from {@code jcmd <pid> GC.heap_info} (metaspace not counted).
         */
        double liveHeapMb() throws IOException, InterruptedException {
            String pid = Long.toString(pid());
            jcmd(pid, "GC.run");
            long usedKb = 0;
            Matcher used = Pattern.compile("used (\\d+)K").matcher("");
            for (String line : jcmd(pid, "GC.heap_info").split("\n")) {
                String t = line.trim();
                if (t.startsWith("Metaspace") || t.startsWith("class space") || t.startsWith("region size")) {
                    continue;
                }
                if (t.contains("generation") || t.contains("heap")) {
                    if (used.reset(t).find()) {
                        usedKb += Long.parseLong(used.group(1));
                    }
                }
            }
            return usedKb / 1024.0;
        }

        private static String jcmd(String pid, String command) throws IOException, InterruptedException {
            Process p = new ProcessBuilder("jcmd", pid, command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("jcmd " + pid + " " + command + " failed: " + out);
            }
            return out;
        }

        double cpuMillis() {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                return ticks * 10.0; // USER_HZ is 100 on Linux
            } catch (IOException | RuntimeException e) {
                return Double.NaN;
            }
        }

        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
