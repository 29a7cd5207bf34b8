package io.tally.mcp.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tally.mcp.HttpSettings;
import io.tally.mcp.TallyMcpServer;
import io.tally.mcp.TestSupport;
import io.tally.mcp.ops.Operations;
import io.tally.testkit.hitkeep.FakeHitKeep;
import io.tally.testkit.hitkeep.HitKeepDemo;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slow bodies: clients that send their headers and then trickle (or stop sending) the body. Bodies are read
 * asynchronously, so such clients hold no server thread; a normal caller is answered while 80 of them are held
 * (the server has 64 threads), and a body that does not arrive within the deadline gets 408.
 */
class SlowBodyTest {
    private static final int SLOW_CLIENTS = 80;
    private static final String AUTH = "Authorization: Bearer " + HitKeepDemo.TOKEN;
    private static final String TOOLS_LIST = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";

    @Test
    void eightySlowBodiesDoNotStarveANormalCaller() throws Exception {
        HttpSettings settings = TestSupport.settings().withGuard(TestSupport.settings().guard()
                .withBodyReadTimeout(Duration.ofSeconds(60)));
        List<Socket> slow = new ArrayList<>();
        Operations ops = Operations.create(settings.guard());
        try (FakeHitKeep fake = TestSupport.startFake();
                TallyMcpServer server = TallyMcpServer.builder().settings(settings).operations(ops)
                        .endpoint(TestSupport.module(fake, false), null).build().start()) {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                slow.add(startSlowBody(server.port()));
            }
            // every slow body is being read before the normal caller comes (the old server had 62 threads blocked
            // in reads at this point and answered nobody)
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (ops.metrics().bodiesReading() < SLOW_CLIENTS && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(ops.metrics().bodiesReading()).isEqualTo(SLOW_CLIENTS);
            long start = System.nanoTime();
            Raw.Response r = Raw.send(server.port(), "POST", "/mcp/hitkeep",
                    List.of(AUTH, "Content-Type: application/json", "Accept: application/json, text/event-stream"),
                    TOOLS_LIST);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("hitkeep_list_sites");
            // generous: a starved server answers only after its 30 s idle timeout (or never, within the socket's 15 s)
            assertThat(took).isLessThan(Duration.ofSeconds(10));
            for (Socket s : slow) {
                assertThat(s.isClosed()).as("the slow clients are still held open, not refused").isFalse();
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void aBodyThatDoesNotArriveInTimeGets408() throws Exception {
        HttpSettings settings = TestSupport.settings().withGuard(TestSupport.settings().guard()
                .withBodyReadTimeout(Duration.ofMillis(300)));
        try (FakeHitKeep fake = TestSupport.startFake();
                TallyMcpServer server = TestSupport.startServer(TestSupport.module(fake, false), settings, null);
                Socket socket = startSlowBody(server.port())) {
            socket.setSoTimeout(15_000);
            Raw.Response r = Raw.read(socket.getInputStream());
            assertThat(r.status()).isEqualTo(408);
            assertThat(r.body()).contains("\"code\":-32000").contains("did not arrive within 300 ms");
        }
    }

    /** Headers announcing 1,000 bytes, then 10 bytes of body, then nothing. */
    private static Socket startSlowBody(int port) throws Exception {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /mcp/hitkeep HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + AUTH + "\r\n"
                + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                + "Content-Length: 1000\r\n\r\n{\"jsonrpc\"").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
