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

/** {@code --stdio --provider alke --demo} through {@link Main}: the demo lists the fake's two properties and runs a report. */
class MainStdioAlkeDemoTest {
    @Test
    void servesOverStdioUntilInputEnds() throws Exception {
        PipedOutputStream toServer = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
        PipedInputStream fromServer = new PipedInputStream(1 << 20);
        PrintStream serverOut = new PrintStream(new PipedOutputStream(fromServer), true, StandardCharsets.UTF_8);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        Future<Integer> exit = threads.submit(() -> Main.run(new String[] {"--stdio", "--provider", "alke", "--demo"},
                Environment.of(Map.of()), serverIn, serverOut, new PrintStream(err, true, StandardCharsets.UTF_8)));

        BufferedReader replies = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8));
        toServer.write((RawHttp.INITIALIZE + "\n").getBytes(StandardCharsets.UTF_8));
        toServer.write("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n".getBytes(StandardCharsets.UTF_8));
        toServer.write(("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"alke_list_properties\","
                + "\"arguments\":{}}}\n").getBytes(StandardCharsets.UTF_8));
        toServer.write(("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"alke_run_report\","
                + "\"arguments\":{\"property_id\":\"" + io.tally.testkit.alke.AlkeDemo.SHOP_PROPERTY_ID + "\","
                + "\"metrics\":[\"pageviews\"],\"dimensions\":[\"date\"],\"limit\":7}}}\n")
                .getBytes(StandardCharsets.UTF_8));
        toServer.flush();
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(readLine(threads, replies, err)).at("/result/serverInfo/name").asText()).isEqualTo("tally-alke");
        // the two calls may be answered in either order: match the replies by id
        Map<Integer, JsonNode> byId = new java.util.HashMap<>();
        for (int i = 0; i < 2; i++) {
            JsonNode reply = json.readTree(readLine(threads, replies, err));
            byId.put(reply.path("id").asInt(), reply.at("/result/structuredContent"));
        }
        JsonNode properties = byId.get(2);
        assertThat(properties.at("/source").asText()).isEqualTo("demo");
        assertThat(properties.at("/properties")).hasSize(2);
        JsonNode report = byId.get(3);
        assertThat(report.at("/rows")).hasSize(7);
        assertThat(report.at("/truncated").asBoolean()).isTrue();
        assertThat(report.at("/total_rows").asInt()).isEqualTo(30);
        assertThat(report.at("/rows/0/pageviews").isNumber()).isTrue();

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
