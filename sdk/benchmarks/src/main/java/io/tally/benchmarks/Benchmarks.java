package io.tally.benchmarks;

import java.util.Arrays;

/**
 * Entry point of {@code tally-benchmarks.jar}: {@code java -jar tally-benchmarks.jar ingest
 * [flags]} (see {@link IngestOptions#USAGE}), {@code sdk} (SDK overhead next to raw clients and peer SDKs) or
 * {@code mcp} (the MCP server: cold start, memory, tools/call latency next to the direct SDK call and a peer).
 */
public final class Benchmarks {

    private Benchmarks() {}

    /** Runs the benchmark named by the first argument and exits with its status. */
    public static void main(String[] args) {
        // Tally logs through SLF4J; show its warnings (drops, retries), not its chatter.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        if (args.length > 0 && (args[0].equals("sdk") || args[0].equals("mcp"))) {
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            try {
                System.exit(args[0].equals("sdk") ? SdkOverheadBenchmark.run(rest) : McpBenchmark.run(rest));
            } catch (Exception e) {
                System.err.println("error: " + e);
                e.printStackTrace();
                System.exit(1);
            }
        }
        if (args.length == 0 || !args[0].equals("ingest")) {
            boolean askedForHelp = args.length > 0 && (args[0].equals("-h") || args[0].equals("--help"));
            System.err.println(IngestOptions.USAGE);
            System.exit(askedForHelp ? 0 : 2);
        }
        IngestOptions options;
        try {
            options = IngestOptions.parse(Arrays.copyOfRange(args, 1, args.length));
        } catch (IngestOptions.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println("error: " + e.getMessage());
            }
            System.err.println(IngestOptions.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        System.exit(IngestBenchmark.run(options));
    }
}
