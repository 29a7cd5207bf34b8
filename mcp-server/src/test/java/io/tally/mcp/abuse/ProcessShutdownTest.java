package io.tally.mcp.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tally.testkit.hitkeep.HitKeepDemo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * SIGTERM to a real server process ({@code Main --demo} in a child JVM) while a client is still sending a
 * {@code tools/call} body: readiness turns 503, a new request gets 503, the request in flight completes with its
 * tool result, and the process exits 0 long before its grace period is over.
 *
 * <p>Every step waits for something the server shows, never for time: the port from the banner, the body read in
 * progress from {@code /metrics} (so the signal cannot overtake the request: a request the server has not begun
 * receiving is a new one and is refused), the drain from {@code /readyz}. Timeouts are upper bounds only.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "Process.destroy() is not SIGTERM on Windows")
class ProcessShutdownTest {
    private static final Pattern ENDPOINT = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/mcp/hitkeep");
    private static final String BODY = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"hitkeep_list_sites\",\"arguments\":{}}}";
    private static final List<String> MCP_HEADERS = List.of("Content-Type: application/json",
            "Accept: application/json, text/event-stream");
    /**
     * Far longer than the test takes, like the body deadline: an exit within the bound below proves that the drain
     * ended because the request finished, not because the grace period ran out.
     */
    private static final int GRACE_SECONDS = 600;
    /** Upper bound for everything after the banner (the test takes seconds; this machine may be very busy). */
    private static final long BOUND_NANOS = TimeUnit.SECONDS.toNanos(180);

    @Test
    void sigtermWhileABodyIsArrivingLetsThatRequestFinishRefusesNewOnesAndExitsZero() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.tally.mcp.Main",
                "--demo", "--port", "0", "--shutdown-grace-seconds", Integer.toString(GRACE_SECONDS),
                "--body-timeout-seconds", Integer.toString(GRACE_SECONDS))
                .redirectErrorStream(true)
                .start();
        Output output = new Output(process);
        try {
            int port = output.awaitPort();
            long deadline = System.nanoTime() + BOUND_NANOS;
            try (Socket inFlight = new Socket("127.0.0.1", port)) {
                inFlight.setSoTimeout((int) TimeUnit.NANOSECONDS.toMillis(BOUND_NANOS));
                OutputStream out = inFlight.getOutputStream();
                int half = BODY.length() / 2;
                out.write(("POST /mcp/hitkeep HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                        + String.join("\r\n", MCP_HEADERS) + "\r\nContent-Length: " + BODY.length()
                        + "\r\nConnection: close\r\n\r\n" + BODY.substring(0, half))
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                // the server is reading this body: the request is in flight before the signal
                awaitMetric(port, "tally_mcp_request_bodies_reading 1.0", deadline);

                process.destroy(); // SIGTERM on Unix
                Raw.Response readiness = awaitReadiness(port, 503, deadline);
                assertThat(readiness.body()).isEqualTo("draining\n");

                Raw.Response refused = Raw.send(port, "POST", "/mcp/hitkeep", MCP_HEADERS, BODY);
                assertThat(refused.status()).as("a request begun after the signal").isEqualTo(503);
                assertThat(refused.body()).contains("\"code\":-32000").contains("shutting down");
                assertThat(process.isAlive()).as("still draining: a request is in flight").isTrue();

                out.write(BODY.substring(half).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Raw.Response finished = Raw.read(inFlight.getInputStream());
                assertThat(finished.status()).as("the request in flight completes: %s", finished.body()).isEqualTo(200);
                assertThat(finished.body()).contains("\"id\":7").contains(HitKeepDemo.SHOP_DOMAIN)
                        .doesNotContain("\"isError\":true");
            }
            long left = Math.max(1, deadline - System.nanoTime());
            assertThat(process.waitFor(left, TimeUnit.NANOSECONDS))
                    .as("exits once the drain is over, well within the %d s grace", GRACE_SECONDS).isTrue();
            assertThat(process.exitValue()).as("exit code after a clean drain; output:%n%s", output.text)
                    .isZero();
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Reads the child's output (stdout and stderr) on a daemon thread to its end, so the child never blocks on a full
     * pipe; completes {@link #port} when the banner names the HitKeep endpoint.
     */
    private static final class Output {
        final StringBuffer text = new StringBuffer();
        final CompletableFuture<Integer> port = new CompletableFuture<>();

        Output(Process process) {
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        text.append(line).append('\n');
                        Matcher m = ENDPOINT.matcher(line);
                        if (m.find()) {
                            port.complete(Integer.parseInt(m.group(1)));
                        }
                    }
                } catch (IOException e) {
                    // the child is gone
                }
                port.completeExceptionally(new AssertionError("the server printed no endpoint"));
            }, "child-output");
            reader.setDaemon(true);
            reader.start();
        }

        int awaitPort() throws Exception {
            try {
                return port.get(180, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new AssertionError("no banner within 180 s; output:\n" + text, e);
            }
        }
    }

    /** Asks {@code /metrics} until it shows {@code line}; each ask waits for the server's answer. */
    private static void awaitMetric(int port, String line, long deadline) throws IOException {
        String last = "";
        while (System.nanoTime() - deadline < 0) {
            last = Raw.send(port, "GET", "/metrics", List.of(), null).body();
            if (last.contains(line)) {
                return;
            }
        }
        throw new AssertionError("/metrics never showed '" + line + "'");
    }

    /** Asks {@code /readyz} until it answers {@code status}. */
    private static Raw.Response awaitReadiness(int port, int status, long deadline) throws IOException {
        Raw.Response last = null;
        while (System.nanoTime() - deadline < 0) {
            last = Raw.send(port, "GET", "/readyz", List.of(), null);
            if (last.status() == status) {
                return last;
            }
        }
        throw new AssertionError("/readyz never answered " + status + " (last: "
                + (last == null ? "none" : last.status()) + ")");
    }
}
