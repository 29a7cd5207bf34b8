package io.tally.mcp.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tally.hitkeep.HitKeep;
import io.tally.mcp.HttpSettings;
import io.tally.mcp.TallyMcpServer;
import io.tally.mcp.TestSupport;
import io.tally.mcp.hitkeep.HitKeepModule;
import io.tally.mcp.ops.Operations;
import io.tally.testkit.hitkeep.FakeHitKeep;
import io.tally.testkit.hitkeep.HitKeepDemo;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rotating made-up tokens: each is new to the per-token limit, but all are unverified (the upstream never accepted
 * them), so they share one per-address budget and are refused after it; a token the upstream has accepted keeps
 * being served.
 */
class TokenFloodTest {
    private static final int FLOOD = 300;
    private static final List<String> JSON_HEADERS = List.of("Content-Type: application/json",
            "Accept: application/json, text/event-stream");
    private static final String TOOLS_LIST = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
    private static final String LIST_SITES = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"hitkeep_list_sites\",\"arguments\":{}}}";

    @Test
    void rotatingMadeUpTokensShareOneBudgetAndAVerifiedTokenIsStillServed() throws Exception {
        HttpSettings settings = TestSupport.settings().withGuard(TestSupport.settings().guard()
                .withUnverifiedLimit(60, 10));
        Operations ops = Operations.create(settings.guard());
        try (FakeHitKeep fake = TestSupport.startFake();
                TallyMcpServer server = TallyMcpServer.builder().settings(settings).operations(ops)
                        .endpoint(module(fake, ops), null).build().start()) {
            int port = server.port();
            // a real token: its first call reaches the upstream, which accepts it
            Raw.Response first = post(port, HitKeepDemo.TOKEN, LIST_SITES);
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body()).contains(HitKeepDemo.SHOP_DOMAIN);
            assertThat(ops.verifiedTokens().isVerified(io.tally.mcp.tool.CallerToken.sha256Hex(HitKeepDemo.TOKEN)))
                    .isTrue();

            int served = 0;
            int limited = 0;
            for (int i = 0; i < FLOOD; i++) {
                Raw.Response r = post(port, "made-up-" + i, TOOLS_LIST);
                if (r.status() == 200) {
                    served++;
                } else {
                    assertThat(r.status()).isEqualTo(429);
                    assertThat(r.header("Retry-After")).isNotNull();
                    assertThat(r.body()).contains("not accepted yet");
                    limited++;
                }
            }
            // the burst of 10, the first real call's share included, plus what refilled while the flood ran
            assertThat(served).isLessThanOrEqualTo(20);
            assertThat(limited).isGreaterThanOrEqualTo(FLOOD - 20);

            Raw.Response real = post(port, HitKeepDemo.TOKEN, TOOLS_LIST);
            assertThat(real.status()).as("the verified token is not under the unverified budget").isEqualTo(200);
            assertThat(ops.metrics().scrape()).contains("tally_mcp_rate_limited_total{limit=\"unverified\"}");
        }
    }

    static HitKeepModule module(FakeHitKeep fake, Operations ops) {
        HitKeep base = HitKeep.builder().baseUrl(fake.baseUrl()).maxRetries(0).httpClient(ops.upstreamClient()).build();
        return HitKeepModule.create(base, io.tally.mcp.tool.ModuleOptions.defaults().withClock(TestSupport.CLOCK));
    }

    private static Raw.Response post(int port, String token, String body) throws Exception {
        List<String> headers = new java.util.ArrayList<>(JSON_HEADERS);
        headers.add("Authorization: Bearer " + token);
        return Raw.send(port, "POST", "/mcp/hitkeep", headers, body);
    }
}
