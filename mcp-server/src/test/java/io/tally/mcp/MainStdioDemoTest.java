package io.tally.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.core.Environment;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
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
import org.junit.jupiter.api.Test;

/** {@code --stdio --demo} through {@link Main}: serves until stdin ends, then exits 0; stdout carries only JSON-RPC. */
class MainStdioDemoTest {
    @Test
    void servesOverStdioUntilInputEnds() throws Exception {
        PipedOutputStream toServer = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
        PipedInputStream fromServer = new PipedInputStream(1 << 20);
        PrintStream serverOut = new PrintStream(new PipedOutputStream(fromServer), true, StandardCharsets.UTF_8);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        Future<Integer> exit = threads.submit(() -> Main.run(new String[] {"--stdio", "--demo", "--provider", "hitkeep"},
                Environment.of(Map.of()), serverIn, serverOut, new PrintStream(err, true, StandardCharsets.UTF_8)));

        BufferedReader replies = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8));
        toServer.write((RawHttp.INITIALIZE + "\n").getBytes(StandardCharsets.UTF_8));
        toServer.write("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n".getBytes(StandardCharsets.UTF_8));
        toServer.write(("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"hitkeep_list_sites\","
                + "\"arguments\":{}}}\n").getBytes(StandardCharsets.UTF_8));
        toServer.flush();
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(readLine(threads, replies, err)).at("/result/serverInfo/name").asText()).isEqualTo("tally-hitkeep");
        JsonNode sites = json.readTree(readLine(threads, replies, err)).at("/result/structuredContent/sites");
        assertThat(sites).hasSize(3);

        toServer.close();
        assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
        threads.shutdownNow();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("over stdio (demo data)");
    }

    /** A reply line, or a failure that shows what the server said on stderr instead of hanging. */
    private static String readLine(ExecutorService threads, BufferedReader replies, ByteArrayOutputStream err)
            throws Exception {
        try {
            return threads.submit(replies::readLine).get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            StringBuilder dump = new StringBuilder();
            Thread.getAllStackTraces().forEach((t, st) -> {
                dump.append(t.getName()).append('\n');
                for (StackTraceElement el : st) {
                    dump.append("   ").append(el).append('\n');
                }
            });
            throw new AssertionError("no reply within 20 s; stderr: " + err.toString(StandardCharsets.UTF_8) + dump, e);
        }
    }
}
