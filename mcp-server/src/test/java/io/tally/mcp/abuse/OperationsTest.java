package io.tally.mcp.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tally.mcp.HttpSettings;
import io.tally.mcp.TallyMcpServer;
import io.tally.mcp.TestSupport;
import io.tally.mcp.hitkeep.HitKeepModule;
import io.tally.mcp.ops.Operations;
import io.tally.testkit.hitkeep.FakeHitKeep;
import io.tally.testkit.hitkeep.HitKeepDemo;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code /healthz}, {@code /readyz}, {@code /metrics} and the graceful drain on close. */
class OperationsTest {
    private static final List<String> HEADERS = List.of("Content-Type: application/json",
            "Accept: application/json, text/event-stream", "Authorization: Bearer " + HitKeepDemo.TOKEN);

    @Test
    void healthReadinessAndMetricsCountToolCallsRefusalsAndUpstreamStatuses() throws Exception {
        HttpSettings settings = TestSupport.settings();
        Operations ops = Operations.create(settings.guard());
        try (FakeHitKeep fake = TestSupport.startFake();
             TallyMcpServer server = TallyMcpServer.builder().settings(settings).operations(ops)
                     .endpoint(TokenFloodTest.module(fake, ops), null).build().start()) {
            int port = server.port();
            assertThat(Raw.send(port, "GET", "/healthz", List.of(), null).status()).isEqualTo(200);
            Raw.Response ready = Raw.send(port, "GET", "/readyz", List.of(), null);
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("ready\n");

            Raw.send(port, "POST", "/mcp/hitkeep", HEADERS, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                    + "\"params\":{\"name\":\"hitkeep_list_sites\",\"arguments\":{}}}");
            Raw.send(port, "POST", "/mcp/hitkeep", HEADERS, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                    + "\"params\":{\"name\":\"hitkeep_get_site_overview\",\"arguments\":{\"site_id\":\"nope\"}}}");
            Raw.send(port, "POST", "/mcp/hitkeep", HEADERS, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                    + "\"params\":{\"name\":\"made-up-tool-" + System.nanoTime() + "\",\"arguments\":{}}}");
            Raw.send(port, "POST", "/mcp/hitkeep", HEADERS, "{oops");

            Raw.Response metrics = Raw.send(port, "GET", "/metrics", List.of(), null);
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.header("Content-Type")).startsWith("text/plain");
            assertThat(metrics.body())
                    .contains("tally_mcp_tool_calls_total{outcome=\"ok\",tool=\"hitkeep_list_sites\"} 1")
                    .contains("tool=\"unknown\"")
                    .contains("tally_mcp_tool_call_seconds_count{tool=\"hitkeep_list_sites\"} 1")
                    .contains("tally_mcp_requests_rejected_total{reason=\"parse_error\",status=\"400\"} 1")
                    .contains("tally_mcp_upstream_responses_total{status=\"200\"}")
                    .doesNotContain(HitKeepDemo.TOKEN)
                    .doesNotContain("made-up-tool");
            assertThat(metrics.body())
                    .contains("tally_mcp_tool_calls_total{outcome=\"tool_error\",tool=\"hitkeep_get_site_overview\"} 1")
                    .contains("tally_mcp_tool_calls_total{outcome=\"protocol_error\",tool=\"unknown\"} 1");
        }
    }

    @Test
    void closeDrainsReadinessTurns503AndTheInFlightRequestFinishes() throws Exception {
        HttpSettings settings = TestSupport.settings().withGuard(TestSupport.settings().guard()
                .withShutdownGrace(Duration.ofSeconds(20)).withBodyReadTimeout(Duration.ofSeconds(30)));
        FakeHitKeep fake = TestSupport.startFake();
        HitKeepModule module = TestSupport.module(fake, false);
        TallyMcpServer server = TestSupport.startServer(module, settings, null);
        int port = server.port();
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
        try (Socket inFlight = new Socket("127.0.0.1", port)) {
            inFlight.setSoTimeout(15_000);
            OutputStream out = inFlight.getOutputStream();
            // an in-flight request: headers and half of the body sent
            out.write(("POST /mcp/hitkeep HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + String.join("\r\n", HEADERS)
                    + "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
                    + body.substring(0, 10)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the server reads nothing more until the rest arrives; make sure it is in flight before closing
            Raw.Response before = Raw.send(port, "GET", "/readyz", List.of(), null);
            assertThat(before.status()).isEqualTo(200);

            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            // draining: /readyz answers 503, or the port already refuses new connections (which comes first
            // depends on scheduling)
            Raw.Response readiness = waitForDraining(port);
            assertThat(readiness == null || readiness.status() == 503)
                    .as("readiness turned 503 or the port stopped accepting (last: %s)",
                            readiness == null ? "refused" : readiness.status())
                    .isTrue();
            assertThat(closing).isNotDone();

            out.write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Raw.Response finished = Raw.read(inFlight.getInputStream());
            assertThat(finished.status()).as("the in-flight request completes during the drain").isEqualTo(200);
            assertThat(finished.body()).contains("hitkeep_list_sites");
            closing.get(20, TimeUnit.SECONDS);
        } finally {
            server.close();
            fake.close();
        }
    }

    /** Polls /readyz until it says draining, at most 200 times (a bound, not a sleep). */
    /** The first 503 from /readyz, or {@code null} once the port refuses connections; the last 200 if neither came. */
    private static Raw.Response waitForDraining(int port) throws Exception {
        Raw.Response last = null;
        for (int i = 0; i < 200; i++) {
            try {
                last = Raw.send(port, "GET", "/readyz", List.of(), null);
            } catch (java.io.IOException e) {
                return null; // not accepting any more: draining
            }
            if (last.status() == 503) {
                return last;
            }
            Thread.onSpinWait();
        }
        return last;
    }
}
