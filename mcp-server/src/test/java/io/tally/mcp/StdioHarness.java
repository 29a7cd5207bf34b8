package io.tally.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.core.Environment;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link Main} serving stdio on pipes, for the {@code --stdio} tests: write JSON-RPC lines, read the replies (with a
 * deadline that reports stderr and the threads instead of hanging), end the input and get the exit code.
 */
final class StdioHarness implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_SECONDS = 20;

    private final PipedOutputStream toServer = new PipedOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final BufferedReader replies;
    private final Future<Integer> exit;

    private StdioHarness(String... args) throws IOException {
        PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
        PipedInputStream fromServer = new PipedInputStream(1 << 20);
        PrintStream serverOut = new PrintStream(new PipedOutputStream(fromServer), true, StandardCharsets.UTF_8);
        replies = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8));
        exit = threads.submit(() -> Main.run(args, Environment.of(Map.of()), serverIn, serverOut,
                new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    /** Starts {@code Main} with these arguments and sends {@code initialize} and {@code notifications/initialized}. */
    static StdioHarness initialized(String... args) throws IOException {
        StdioHarness harness = new StdioHarness(args);
        harness.send(RawHttp.INITIALIZE);
        harness.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return harness;
    }

    /** Sends one JSON-RPC message. */
    void send(String message) throws IOException {
        toServer.write((message + "\n").getBytes(StandardCharsets.UTF_8));
        toServer.flush();
    }

    /** Sends a {@code tools/call} with this id, tool and JSON arguments. */
    void callTool(int id, String tool, String arguments) throws IOException {
        send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}");
    }

    /** The next reply, or a failure that shows what the server said on stderr instead of hanging. */
    JsonNode reply() throws Exception {
        try {
            return JSON.readTree(threads.submit(replies::readLine).get(WAIT_SECONDS, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            StringBuilder dump = new StringBuilder();
            Thread.getAllStackTraces().forEach((t, st) -> {
                dump.append(t.getName()).append('\n');
                for (StackTraceElement el : st) {
                    dump.append("   ").append(el).append('\n');
                }
            });
            throw new AssertionError("no reply within " + WAIT_SECONDS + " s; stderr: " + stderr() + dump, e);
        }
    }

    /** Ends the server's input and waits for {@code Main.run} to return. */
    int endInput() throws Exception {
        toServer.close();
        return exit.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** What the server wrote to stderr so far. */
    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        toServer.close();
        threads.shutdownNow();
    }
}
