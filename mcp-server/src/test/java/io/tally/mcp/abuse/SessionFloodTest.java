package io.tally.mcp.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tally.mcp.HttpSettings;
import io.tally.mcp.TallyMcpServer;
import io.tally.mcp.TestSupport;
import io.tally.testkit.hitkeep.FakeHitKeep;
import io.tally.testkit.hitkeep.HitKeepDemo;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A flood of {@code initialize} calls by one token in stateful mode: that token is capped at its own number of
 * sessions (429 beyond), and another token's live session is never evicted.
 */
class SessionFloodTest {
    private static final int FLOOD = 1_000;
    private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    private static final List<String> JSON_HEADERS = List.of("Content-Type: application/json",
            "Accept: application/json, text/event-stream");

    @Test
    void oneTokensInitializeFloodNeverEvictsAnotherTokensSession() throws Exception {
        HttpSettings settings = TestSupport.settings().withStateful(true).withGuard(TestSupport.settings().guard()
                .withSessions(100, 5, Duration.ofMinutes(30)));
        try (FakeHitKeep fake = TestSupport.startFake();
                TallyMcpServer server = TestSupport.startServer(TestSupport.module(fake, false), settings, null)) {
            int port = server.port();
            String victim = "Authorization: Bearer " + HitKeepDemo.SHOP_TOKEN;
            Raw.Response opened = post(port, victim, null, INIT);
            assertThat(opened.status()).isEqualTo(200);
            String victimSession = opened.header("Mcp-Session-Id");

            String attacker = "Authorization: Bearer " + HitKeepDemo.TOKEN;
            int accepted = 0;
            int capped = 0;
            for (int i = 0; i < FLOOD; i++) {
                Raw.Response r = post(port, attacker, null, INIT);
                if (r.status() == 200) {
                    accepted++;
                } else {
                    assertThat(r.status()).isEqualTo(429);
                    assertThat(r.header("Retry-After")).isNotNull();
                    assertThat(r.body()).contains("maximum of open MCP sessions");
                    capped++;
                }
            }
            assertThat(accepted).as("the attacker's own cap").isEqualTo(5);
            assertThat(capped).isEqualTo(FLOOD - 5);

            Raw.Response stillThere = post(port, victim, victimSession,
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
            assertThat(stillThere.status()).isEqualTo(200);
            assertThat(stillThere.body()).contains("hitkeep_list_sites");
        }
    }

    private static Raw.Response post(int port, String auth, String session, String body) throws Exception {
        List<String> headers = new java.util.ArrayList<>(JSON_HEADERS);
        headers.add(auth);
        if (session != null) {
            headers.add("Mcp-Session-Id: " + session);
        }
        return Raw.send(port, "POST", "/mcp/hitkeep", headers, body);
    }
}
