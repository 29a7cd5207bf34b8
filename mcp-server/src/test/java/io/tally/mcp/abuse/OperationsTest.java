package io.tally.mcp.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void closeDrainsReadinessTurns503NewRequestsGet503AndTheRequestWhoseBodyIsArrivingFinishes() throws Exception {
        HttpSettings settings = TestSupport.settings().withGuard(TestSupport.settings().guard()
                .withShutdownGrace(Duration.ofSeconds(120)).withBodyReadTimeout(Duration.ofSeconds(120)));
        FakeHitKeep fake = TestSupport.startFake();
        HitKeepModule module = TestSupport.module(fake, false);
        TallyMcpServer server = TestSupport.startServer(module, settings, null);
        int port = server.port();
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
        try (Socket inFlight = new Socket("127.0.0.1", port)) {
            inFlight.setSoTimeout(60_000);
            OutputStream out = inFlight.getOutputStream();
            // an in-flight request: headers and half of the body sent
            out.write(("POST /mcp/hitkeep HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + String.join("\r\n", HEADERS)
                    + "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
                    + body.substring(0, 10)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the server is reading its body: the request is in flight before the drain begins
            awaitMetric(port, "tally_mcp_request_bodies_reading 1.0");

            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            Raw.Response readiness = awaitReadiness(port, 503);
            assertThat(readiness.body()).isEqualTo("draining\n");
            Raw.Response refused = Raw.send(port, "POST", "/mcp/hitkeep", HEADERS, body);
            assertThat(refused.status()).as("a request begun during the drain").isEqualTo(503);
            assertThat(refused.header("Connection")).isEqualTo("close");
            assertThat(closing).as("the drain waits for the request in flight").isNotDone();

            out.write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Raw.Response finished = Raw.read(inFlight.getInputStream());
            assertThat(finished.status()).as("the in-flight request completes during the drain").isEqualTo(200);
            assertThat(finished.body()).contains("hitkeep_list_sites");
            closing.get(60, TimeUnit.SECONDS);
            assertThatThrownBy(() -> Raw.send(port, "GET", "/readyz", List.of(), null))
                    .as("stopped: the port no longer accepts").isInstanceOf(java.io.IOException.class);
        } finally {
            server.close();
            fake.close();
        }
    }

    @Test
    void aRequestStillUnfinishedAtTheGraceDeadlineIsCutAndCloseReturns() throws Exception {
        HttpSettings settings = TestSupport.settings().withGuard(TestSupport.settings().guard()
                .withShutdownGrace(Duration.ZERO).withBodyReadTimeout(Duration.ofSeconds(120)));
        FakeHitKeep fake = TestSupport.startFake();
        TallyMcpServer server = TestSupport.startServer(TestSupport.module(fake, false), settings, null);
        int port = server.port();
        try (Socket inFlight = new Socket("127.0.0.1", port)) {
            inFlight.setSoTimeout(60_000);
            OutputStream out = inFlight.getOutputStream();
            out.write(("POST /mcp/hitkeep HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + String.join("\r\n", HEADERS)
                    + "\r\nContent-Length: 100\r\n\r\n{\"jsonrpc\"").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitMetric(port, "tally_mcp_request_bodies_reading 1.0");
            // no grace: the request whose body never ends is cut, and close() does not wait for it
            CompletableFuture.runAsync(server::close).get(60, TimeUnit.SECONDS);
            String answer = readToEnd(inFlight);
            assertThat(answer.isEmpty() || answer.startsWith("HTTP/1.1 503 "))
                    .as("cut: no answer or 503 (the server shut down), never a 400: %s", answer).isTrue();
            assertThat(answer).doesNotContain("could not be read");
            assertThatThrownBy(() -> Raw.send(port, "GET", "/readyz", List.of(), null))
                    .isInstanceOf(java.io.IOException.class);
        } finally {
            server.close();
            fake.close();
        }
    }

    /** What the server sent on a connection until it closed it (or reset it). */
    private static String readToEnd(Socket socket) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = socket.getInputStream().read(buffer)) != -1) {
                all.write(buffer, 0, n);
            }
        } catch (java.io.IOException e) {
            // reset: cut
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    /** Asks {@code /metrics} until it shows {@code line}, at most 2,000 times (a bound, not a sleep). */
    private static void awaitMetric(int port, String line) throws Exception {
        for (int i = 0; i < 2_000; i++) {
            if (Raw.send(port, "GET", "/metrics", List.of(), null).body().contains(line)) {
                return;
            }
        }
        throw new AssertionError("/metrics never showed '" + line + "'");
    }

    /** Asks {@code /readyz} until it answers {@code status}, at most 2,000 times. */
    private static Raw.Response awaitReadiness(int port, int status) throws Exception {
        Raw.Response last = null;
        for (int i = 0; i < 2_000; i++) {
            last = Raw.send(port, "GET", "/readyz", List.of(), null);
            if (last.status() == status) {
                return last;
            }
        }
        throw new AssertionError("/readyz never answered " + status + " (last: " + last.status() + ")");
    }
}
