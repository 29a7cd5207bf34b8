package io.tally.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.core.Environment;
import io.tally.testkit.alephant.AlephantDemo;
import io.tally.testkit.alephant.FakeAlephant;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Over stdio the Alephant mode comes from the configured credential, as in the official server: {@code ALEPHANT_PAT}
 * set to a {@code vk-} key serves the 8 VK-mode tools, a PAT with {@code ALEPHANT_WORKSPACE_ID} the manager tools, a
 * PAT without it does not start.
 */
class AlephantStdioModesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aVirtualKeyServesTheVkModeTools() throws Exception {
        try (FakeAlephant fake = FakeAlephant.start()) {
            Map<Integer, JsonNode> replies = stdio(new String[] {"--stdio", "--provider", "alephant"},
                    Map.of("ALEPHANT_API_BASE_URL", fake.baseUrl(), "ALEPHANT_PAT", AlephantDemo.AGENT_VK));
            assertThat(names(replies.get(2).at("/result/tools"))).hasSize(8).contains("get_my_scope")
                    .doesNotContain("list_agents");
            assertThat(names(replies.get(3).at("/result/prompts"))).containsExactly("cost_audit_report");
            assertThat(replies.get(4).at("/result/isError").asBoolean()).isTrue();
            assertThat(replies.get(4).at("/result/content/0/text").asText())
                    .startsWith("list_agents is a manager-mode tool");
        }
    }

    @Test
    void theDemoPatServesTheManagerTools() throws Exception {
        Map<Integer, JsonNode> replies = stdio(new String[] {"--stdio", "--provider", "alephant", "--demo"}, Map.of());
        assertThat(names(replies.get(2).at("/result/tools"))).as("manager mode without --allow-writes").hasSize(23)
                .contains("list_agents", "diagnose_cost_anomaly").doesNotContain("get_my_scope", "revoke_virtual_key");
        assertThat(names(replies.get(3).at("/result/prompts"))).hasSize(4);
        assertThat(replies.get(4).at("/result/isError").asBoolean()).as("list_agents answers").isFalse();
    }

    @Test
    void aPatWithoutItsWorkspaceDoesNotStart() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"--stdio", "--provider", "alephant"},
                Environment
                        .of(Map.of("ALEPHANT_API_BASE_URL", "http://127.0.0.1:9", "ALEPHANT_PAT", "pat_secret_value")),
                new java.io.ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ALEPHANT_WORKSPACE_ID is not set")
                .doesNotContain("pat_secret_value");
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path("name").asText()));
        return out;
    }

    /** Sends initialize, tools/list (2), prompts/list (3) and a list_agents call (4); the replies by id. */
    private static Map<Integer, JsonNode> stdio(String[] args, Map<String, String> env) throws Exception {
        PipedOutputStream toServer = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
        PipedInputStream fromServer = new PipedInputStream(1 << 20);
        PrintStream serverOut = new PrintStream(new PipedOutputStream(fromServer), true, StandardCharsets.UTF_8);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> exit = threads.submit(() -> Main.run(args, Environment.of(env), serverIn, serverOut,
                    new PrintStream(err, true, StandardCharsets.UTF_8)));
            BufferedReader replies = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8));
            String lines = RawHttp.INITIALIZE + "\n"
                    + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                    + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{}}\n"
                    + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"prompts/list\",\"params\":{}}\n"
                    + "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"list_agents\","
                    + "\"arguments\":{}}}\n";
            toServer.write(lines.getBytes(StandardCharsets.UTF_8));
            toServer.flush();
            Map<Integer, JsonNode> byId = new HashMap<>();
            while (byId.size() < 4) {
                String line = threads.submit(replies::readLine).get(20, TimeUnit.SECONDS);
                assertThat(line).as("stderr: %s", err).isNotNull();
                JsonNode reply = JSON.readTree(line);
                byId.put(reply.path("id").asInt(), reply);
            }
            toServer.close();
            assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
            return byId;
        } finally {
            threads.shutdownNow();
        }
    }
}
