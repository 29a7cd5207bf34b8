package io.tally.mcp;

import static io.tally.mcp.TestSupport.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.tally.testkit.hitkeep.FakeHitKeep;
import io.tally.testkit.hitkeep.HitKeepDemo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** --stateful: sessions over Streamable HTTP, each bound to the token that opened it. */
class StatefulSessionTest {
    private static FakeHitKeep fake;
    private static TallyMcpServer server;

    @BeforeAll
    static void start() {
        fake = TestSupport.startFake();
        server = TestSupport.startServer(TestSupport.module(fake, false), TestSupport.settings().withStateful(true),
                null);
    }

    @AfterAll
    static void stop() {
        server.close();
        fake.close();
    }

    @Test
    void sessionIsBoundToTheTokenThatOpenedIt() throws Exception {
        int port = server.port();
        RawHttp.Response init = RawHttp.post(port, RawHttp.INITIALIZE, "Authorization: Bearer " + HitKeepDemo.TOKEN);
        assertThat(init.status()).isEqualTo(200);
        String session = init.header("Mcp-Session-Id");
        assertThat(session).isNotBlank();

        RawHttp.Response own = RawHttp.post(port, RawHttp.TOOLS_LIST, "Authorization: Bearer " + HitKeepDemo.TOKEN,
                "Mcp-Session-Id: " + session);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains("hitkeep_list_sites");

        RawHttp.Response other = RawHttp.post(port, RawHttp.TOOLS_LIST,
                "Authorization: Bearer " + HitKeepDemo.SHOP_TOKEN,
                "Mcp-Session-Id: " + session);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body()).contains("another token");

        RawHttp.Response unknown = RawHttp.post(port, RawHttp.TOOLS_LIST, "Authorization: Bearer " + HitKeepDemo.TOKEN,
                "Mcp-Session-Id: not-a-session");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void toolsSeeTheTokenOfEachRequestInStatefulModeToo() {
        try (McpSyncClient shop = TestSupport.client(server.endpoint("hitkeep"), HitKeepDemo.SHOP_TOKEN);
                McpSyncClient all = TestSupport.client(server.endpoint("hitkeep"), HitKeepDemo.TOKEN)) {
            assertThat((List<?>) call(shop, "hitkeep_list_sites", Map.of()).get("sites")).hasSize(1);
            assertThat((List<?>) call(all, "hitkeep_list_sites", Map.of()).get("sites")).hasSize(3);
            assertThat((List<?>) call(shop, "hitkeep_list_sites", Map.of()).get("sites")).hasSize(1);
        }
    }
}
