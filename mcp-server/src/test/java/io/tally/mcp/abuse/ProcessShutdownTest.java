package io.tally.mcp.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tally.testkit.hitkeep.HitKeepDemo;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to a real server process ({@code Main --demo} in a child JVM): readiness turns 503, a request that is in
 * flight when the signal arrives still completes, and the process exits within its grace period.
 */
class ProcessShutdownTest {
    private static final Pattern ENDPOINT = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/mcp/hitkeep");

    @Test
    void sigtermDrainsInFlightWorkAndExits() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.tally.mcp.Main",
                "--demo", "--port", "0", "--shutdown-grace-seconds", "15")
                .start();
        LogWatcher log = new LogWatcher(process);
        try {
            int port = readPort(process);
            assertThat(Raw.send(port, "GET", "/readyz", List.of(), null).status()).isEqualTo(200);
            String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
            try (Socket inFlight = new Socket("127.0.0.1", port)) {
                inFlight.setSoTimeout(20_000);
                OutputStream out = inFlight.getOutputStream();
                out.write(("POST /mcp/hitkeep HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                        + "Authorization: Bearer " + HitKeepDemo.TOKEN + "\r\nContent-Type: application/json\r\n"
                        + "Accept: application/json, text/event-stream\r\nConnection: close\r\nContent-Length: "
                        + body.length() + "\r\n\r\n" + body.substring(0, 10)).getBytes(StandardCharsets.US_ASCII));
                out.flush();

                process.destroy(); // SIGTERM
                try {
                    log.await("draining");
                } catch (AssertionError e) {
                    System.out.println("DEBUG alive=" + process.isAlive() + " " + (process.isAlive() ? "" : process.exitValue()));
                    throw e;
                }
                assertThat(process.isAlive()).as("still draining while a request is in flight").isTrue();

                out.write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Raw.Response finished = Raw.read(inFlight.getInputStream());
                assertThat(finished.status()).isEqualTo(200);
                assertThat(finished.body()).contains("hitkeep_list_sites");
            }
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exits after the drain").isTrue();
        } finally {
            process.destroyForcibly();
        }
    }

    private static int readPort(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (int i = 0; i < 50; i++) {
            String line = out.readLine();
            if (line == null) {
                break;
            }
            Matcher m = ENDPOINT.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("the server printed no endpoint");
    }

    /** Collects the child's log (stderr) on a daemon thread; {@link #await} waits on it without polling. */
    private static final class LogWatcher {
        private final StringBuilder text = new StringBuilder();

        LogWatcher(Process process) {
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        synchronized (this) {
                            text.append(line).append('\n');
                            notifyAll();
                        }
                    }
                } catch (java.io.IOException e) {
                    // the process is gone
                }
            }, "child-log");
            reader.setDaemon(true);
            reader.start();
        }

        synchronized void await(String wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (text.indexOf(wanted) < 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("the server log never said '" + wanted + "': " + text);
                }
                wait(left);
            }
        }
    }
}
