package io.tally.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The upstream restarts: every kept-alive connection in the client's pool is dead. A request that
 * fails on such a connection before any response byte is resent once on a new connection, for POST
 * as for GET, without using the retry policy's attempts. The server is a loopback socket server
 * whose {@link KeepAliveServer#restart()} closes every open connection, as a restarted process does.
 */
class StaleConnectionTest {
    private final Harness harness = new Harness();
    private final KeepAliveServer server = new KeepAliveServer();

    @AfterEach
    void close() throws IOException {
        harness.close();
        server.close();
    }

    private TestRequest<String> request(String method) {
        return TestRequest.text(harness.context(server.baseUrl()), method, "/things").maxRetries(0);
    }

    @Test
    void postsAfterARestartSucceedOnFreshConnections() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(request("POST").body(Map.of("n", i)).execute()).isEqualTo("ok");
        }
        server.restart();

        int ok = 0;
        for (int i = 0; i < 6; i++) {
            if ("ok".equals(request("POST").body(Map.of("n", i)).execute())) {
                ok++;
            }
        }

        assertThat(ok).isEqualTo(6);
        assertThat(server.requests.get()).isEqualTo(9);
        assertThat(harness.sleeper.waits()).isEmpty();
    }

    @Test
    void aGetWithNoRetriesLeftStillGetsItsFreshConnection() throws Exception {
        assertThat(request("GET").execute()).isEqualTo("ok");
        server.restart();

        assertThat(request("GET").execute()).isEqualTo("ok");
        assertThat(harness.attempts.get()).isEqualTo(3); // first, dead connection, fresh connection
        assertThat(harness.sleeper.waits()).isEmpty();
    }

    @Test
    void theFreshConnectionIsTriedOnlyOnce() throws Exception {
        assertThat(request("POST").execute()).isEqualTo("ok");
        server.restart();
        server.hangUpWithoutAnswer.set(true);

        assertThatThrownBy(() -> request("POST").execute())
                .isExactlyInstanceOf(ApiConnectionException.class)
                .hasMessageContaining("failed after the request was sent, before a response arrived");
        assertThat(harness.attempts.get()).isEqualTo(3); // first, dead connection, one fresh connection
    }

    /** A minimal HTTP/1.1 server that keeps connections alive until {@link #restart()}. */
    static final class KeepAliveServer implements AutoCloseable {
        final AtomicInteger requests = new AtomicInteger();
        final AtomicBoolean hangUpWithoutAnswer = new AtomicBoolean();
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        /** Connections {@link #restart()} closed: their serving threads must not answer anything more. */
        private final Set<Socket> restarted = ConcurrentHashMap.newKeySet();
        private final ServerSocket listener;

        KeepAliveServer() {
            try {
                listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Thread acceptor = new Thread(this::accept, "keep-alive-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + listener.getLocalPort();
        }

        /**
         * Closes every open connection, as a restarted server process does; new ones are accepted.
         * Each is marked first: {@link Socket#close()} from this thread sends the FIN at once but only
         * signals the serving thread blocked in {@code read()}, which until it wakes can still read a
         * request the client sends meanwhile, and would count it (the client, seeing the FIN, resends
         * it on a new connection). The process that owned that thread would be gone.
         */
        void restart() throws IOException {
            for (Socket s : open) {
                restarted.add(s);
                open.remove(s); // not clear(): a connection accepted meanwhile stays open, and listed
                s.close();
            }
        }

        private void accept() {
            while (!listener.isClosed()) {
                try {
                    Socket s = listener.accept();
                    open.add(s);
                    Thread t = new Thread(() -> serve(s), "keep-alive-connection");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (Socket socket = s) {
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                while (true) {
                    String requestLine = line(in);
                    if (requestLine == null || requestLine.isEmpty()) {
                        return;
                    }
                    int length = 0;
                    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                        if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                            length = Integer.parseInt(h.substring(15).trim());
                        }
                    }
                    in.readNBytes(length);
                    if (hangUpWithoutAnswer.get() || restarted.contains(socket)) {
                        return;
                    }
                    requests.incrementAndGet();
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException e) {
                // the connection was closed by restart() or by the client
            }
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int n = sb.length();
                    return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
                }
                sb.append((char) c);
            }
            return sb.length() == 0 ? null : sb.toString();
        }

        @Override
        public void close() throws IOException {
            listener.close();
            restart();
        }
    }
}
