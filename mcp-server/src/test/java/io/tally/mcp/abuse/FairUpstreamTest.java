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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The fake runs on the system clock here: its per-IP buckets refill with real time.
 * The upstream limits this server's address as a whole (the fake answers 429 above 20 calls a second, burst 10,
 * per IP). One caller's burst of 20 tool calls must not give another caller 429s: the upstream gate keeps every call
 * under the upstream's rate and lets the tokens take turns. The gate runs at a quarter of the fake's rate with a
 * fifth of its burst, so threads scheduled late on a busy machine cannot bunch calls past the fake's bucket.
 */
class FairUpstreamTest {
    private static final String LIST_SITES = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"hitkeep_list_sites\",\"arguments\":{}}}";

    @Test
    void aBurstByOneCallerGivesNoOtherCallerUpstream429s() throws Exception {
        HttpSettings settings = TestSupport.settings().withGuard(TestSupport.settings().guard()
                .withUpstream(5, 2, 40, Duration.ofSeconds(30)));
        Operations ops = Operations.create(settings.guard());
        ExecutorService pool = Executors.newFixedThreadPool(36);
        try (FakeHitKeep fake = FakeHitKeep.builder().rateLimit(20, 10).start();
                TallyMcpServer server = TallyMcpServer.builder().settings(settings).operations(ops)
                        .endpoint(module(fake, ops), null).build().start()) {
            int port = server.port();
            List<Future<Raw.Response>> burst = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                burst.add(pool.submit(() -> call(port, HitKeepDemo.TOKEN)));
            }
            List<Future<Raw.Response>> other = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                other.add(pool.submit(() -> call(port, HitKeepDemo.SHOP_TOKEN)));
            }
            for (Future<Raw.Response> f : other) {
                Raw.Response r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.body()).as("the other caller's call succeeded").doesNotContain("\"isError\":true")
                        .contains(HitKeepDemo.SHOP_DOMAIN);
            }
            for (Future<Raw.Response> f : burst) {
                assertThat(f.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
            String metrics = ops.metrics().scrape();
            assertThat(metrics).contains("tally_mcp_upstream_responses_total{status=\"200\"} 23");
            assertThat(metrics).as("the upstream never had to refuse").doesNotContain("status=\"429\"");
        } finally {
            pool.shutdownNow();
        }
    }

    private static HitKeepModule module(FakeHitKeep fake, Operations ops) {
        HitKeep base = HitKeep.builder().baseUrl(fake.baseUrl()).maxRetries(0).httpClient(ops.upstreamClient()).build();
        return HitKeepModule.create(base, io.tally.mcp.tool.ModuleOptions.defaults().withClock(TestSupport.CLOCK));
    }

    private static Raw.Response call(int port, String token) throws Exception {
        return Raw.send(port, "POST", "/mcp/hitkeep", List.of("Content-Type: application/json",
                "Accept: application/json, text/event-stream", "Authorization: Bearer " + token), LIST_SITES);
    }
}
