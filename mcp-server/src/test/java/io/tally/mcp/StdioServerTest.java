package io.tally.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.server.McpSyncServer;
import io.tally.hitkeep.HitKeep;
import io.tally.mcp.hitkeep.HitKeepModule;
import io.tally.testkit.hitkeep.FakeHitKeep;
import io.tally.testkit.hitkeep.HitKeepDemo;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** --stdio: one provider over newline-delimited JSON-RPC, with the server-side token from the environment. */
class StdioServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void servesToolsWithTheConfiguredToken() throws Exception {
        try (FakeHitKeep fake = TestSupport.startFake()) {
            HitKeep base = HitKeep.builder().baseUrl(fake.baseUrl()).apiToken(HitKeepDemo.SHOP_TOKEN).maxRetries(0)
                    .build();
            HitKeepModule module = HitKeepModule.create(base,
                    io.tally.mcp.tool.ModuleOptions.defaults().withClock(TestSupport.CLOCK));
            PipedOutputStream toServer = new PipedOutputStream();
            PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
            PipedInputStream fromServer = new PipedInputStream(1 << 20);
            PipedOutputStream serverOut = new PipedOutputStream(fromServer);
            McpSyncServer server = McpServerFactory.stdio(module, serverIn, serverOut);
            try {
                BufferedReader replies = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8));
                send(toServer, RawHttp.INITIALIZE);
                assertThat(JSON.readTree(replies.readLine()).at("/result/serverInfo/name").asText())
                        .isEqualTo("tally-hitkeep");
                send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
                send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
                        + "\"hitkeep_list_sites\",\"arguments\":{}}}");
                JsonNode result = JSON.readTree(replies.readLine());
                assertThat(result.at("/id").asInt()).isEqualTo(2);
                assertThat(result.at("/result/isError").asBoolean()).isFalse();
                assertThat(result.at("/result/structuredContent/sites")).hasSize(1);
                assertThat(result.at("/result/structuredContent/sites/0/id").asText())
                        .isEqualTo(HitKeepDemo.SHOP_SITE_ID);
            } finally {
                server.closeGracefully();
                toServer.close();
            }
        }
    }

    private static void send(OutputStream out, String line) throws Exception {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
