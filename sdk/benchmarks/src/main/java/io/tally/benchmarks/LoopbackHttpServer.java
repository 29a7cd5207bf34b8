package io.tally.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketOption;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import jdk.net.ExtendedSocketOptions;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1 with persistent connections, one thread per connection.
 *
 * <p>Why not {@code com.sun.net.httpserver}: on loopback a request body larger than one socket
 * write (OkHttp writes 8 KiB at a time) is held back by the client's Nagle algorithm until the
 * server acknowledges the previous segment, and Linux delays that acknowledgement by up to 40 ms
 * once a connection looks interactive. Every batch of more than a few dozen events would then take
 * 40 ms, and the sink rather than the client would set the pace. This server enables
 * {@code TCP_QUICKACK} around every read (Linux) and {@code TCP_NODELAY} on every connection, which
 * brings a 100 KB request from 44 ms to about half a millisecond.
 *
 * <p>Supported: {@code Content-Length} and chunked request bodies, {@code Expect: 100-continue},
 * {@code Connection: close}. Responses always carry a {@code Content-Length}.
 */
final class LoopbackHttpServer implements AutoCloseable {

    /** One request, body fully read. Header names are matched case-insensitively. */
    record Request(String method, String path, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name);
        }
    }

    /** Status and JSON body of a response. */
    record Response(int status, byte[] body) {}

    /** Answers one request. {@link #beforeBody} runs once the head is read, before the body. */
    interface Handler {
        default void beforeBody(String method, String path) {}

        Response handle(Request request) throws IOException;
    }

    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final SocketOption<Boolean> QUICK_ACK = quickAckOption();

    private final ServerSocket serverSocket;
    private final Handler handler;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private LoopbackHttpServer(ServerSocket serverSocket, Handler handler) {
        this.serverSocket = serverSocket;
        this.handler = handler;
        this.connections = Executors.newCachedThreadPool(
                runnable -> {
                    Thread thread = new Thread(runnable, "loopback-http");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Starts serving on an ephemeral port of 127.0.0.1. */
    static LoopbackHttpServer start(Handler handler) {
        try {
            ServerSocket serverSocket = new ServerSocket();
            serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            LoopbackHttpServer server = new LoopbackHttpServer(serverSocket, handler);
            server.connections.execute(server::acceptLoop);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
        }
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        connections.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = serverSocket.accept();
                socket.setTcpNoDelay(true);
                open.add(socket);
                try {
                    connections.execute(() -> serve(socket));
                } catch (RejectedExecutionException closing) {
                    open.remove(socket);
                    socket.close();
                }
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("sink: accept failed: " + e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(new QuickAckInputStream(socket), 64 * 1024);
            OutputStream out = socket.getOutputStream();
            while (!closed) {
                String requestLine = readLine(in, true);
                if (requestLine == null) {
                    return;
                }
                String[] parts = requestLine.split(" ", 3);
                if (parts.length < 3) {
                    write(out, new Response(400, new byte[0]), true);
                    return;
                }
                Map<String, String> headers = readHeaders(in);
                String path = parts[1];
                int query = path.indexOf('?');
                if (query >= 0) {
                    path = path.substring(0, query);
                }
                handler.beforeBody(parts[0], path);
                if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                byte[] body = readBody(in, headers);
                Response response = handler.handle(new Request(parts[0], path, headers, body));
                boolean close = "close".equalsIgnoreCase(headers.get("connection"));
                write(out, response, close);
                if (close) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client went away (closed its pool, timed out); nothing to answer.
        } finally {
            open.remove(socket);
        }
    }

    private static Map<String, String> readHeaders(InputStream in) throws IOException {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int headBytes = 0;
        String line;
        while (!(line = readLine(in, false)).isEmpty()) {
            headBytes += line.length();
            if (headBytes > MAX_HEAD_BYTES) {
                throw new IOException("request head too large");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
        String transferEncoding = headers.get("transfer-encoding");
        if (transferEncoding != null
                && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(in, false);
                int extension = sizeLine.indexOf(';');
                int size = Integer.parseInt((extension >= 0 ? sizeLine.substring(0, extension) : sizeLine).trim(), 16);
                if (size == 0) {
                    while (!readLine(in, false).isEmpty()) {
                        // trailers: ignored
                    }
                    return body.toByteArray();
                }
                body.write(readExactly(in, size));
                readLine(in, false);
            }
        }
        String contentLength = headers.get("content-length");
        return contentLength == null ? new byte[0] : readExactly(in, Integer.parseInt(contentLength));
    }

    private static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException("body ended after " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }

    /** Reads a CRLF-terminated line; null on a clean end of stream before a request when allowed. */
    private static String readLine(InputStream in, boolean endAllowed) throws IOException {
        StringBuilder line = new StringBuilder(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c == -1) {
                if (endAllowed && line.length() == 0) {
                    return null;
                }
                throw new EOFException("connection closed mid-request");
            }
            if (c != '\r') {
                line.append((char) c);
            }
            if (line.length() > MAX_HEAD_BYTES) {
                throw new IOException("line too long");
            }
        }
        return line.toString();
    }

    private static void write(OutputStream out, Response response, boolean close) throws IOException {
        String head = "HTTP/1.1 "
                + response.status()
                + (response.status() == 200 ? " OK" : " Error")
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + response.body().length
                + (close ? "\r\nConnection: close" : "")
                + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] message = new byte[headBytes.length + response.body().length];
        System.arraycopy(headBytes, 0, message, 0, headBytes.length);
        System.arraycopy(response.body(), 0, message, headBytes.length, response.body().length);
        out.write(message);
        out.flush();
    }

    private static SocketOption<Boolean> quickAckOption() {
        try {
            return ExtendedSocketOptions.TCP_QUICKACK;
        } catch (LinkageError unavailable) {
            return null;
        }
    }

    /**
     * Re-arms {@code TCP_QUICKACK} around every read: Linux clears it again on its own, so one call
     * per connection would not do.
     */
    private static final class QuickAckInputStream extends FilterInputStream {
        private final Socket socket;
        private final boolean supported;

        QuickAckInputStream(Socket socket) throws IOException {
            super(socket.getInputStream());
            this.socket = socket;
            this.supported = QUICK_ACK != null && socket.supportedOptions().contains(QUICK_ACK);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            quickAck();
            int read = super.read(buffer, offset, length);
            quickAck();
            return read;
        }

        private void quickAck() throws IOException {
            if (supported) {
                socket.setOption(QUICK_ACK, true);
            }
        }
    }
}
