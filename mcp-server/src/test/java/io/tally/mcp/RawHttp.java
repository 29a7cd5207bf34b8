package io.tally.mcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for the tests that must send what {@code java.net.http} refuses to (a forged
 * {@code Host}, a lying {@code Content-Length}, a chunked body of a chosen size).
 */
final class RawHttp {
    /** A JSON-RPC request that needs no session in stateless mode. */
    static final String TOOLS_LIST = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {}

    /** A POST to {@code /mcp/hitkeep} with the usual MCP headers plus {@code extraHeaders} ("Name: value" lines). */
    static Response post(int port, String body, String... extraHeaders) throws IOException {
        StringBuilder head = new StringBuilder("POST /mcp/hitkeep HTTP/1.1\r\n");
        boolean hostGiven = false;
        for (String h : extraHeaders) {
            hostGiven |= h.toLowerCase(Locale.ROOT).startsWith("host:");
        }
        if (!hostGiven) {
            head.append("Host: 127.0.0.1:").append(port).append("\r\n");
        }
        head.append("Content-Type: application/json\r\n")
                .append("Accept: application/json, text/event-stream\r\n")
                .append("Connection: close\r\n");
        for (String h : extraHeaders) {
            head.append(h).append("\r\n");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        boolean chunked = false;
        for (String h : extraHeaders) {
            chunked |= h.toLowerCase(Locale.ROOT).startsWith("transfer-encoding: chunked");
        }
        if (!chunked) {
            head.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            if (chunked) {
                out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(bytes);
            }
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) != -1) {
                all.write(buffer, 0, n);
            }
        } catch (IOException e) {
            if (all.size() == 0) {
                throw e;
            }
        }
        byte[] raw = all.toByteArray();
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int pos = end + 4;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            while (pos < raw.length) {
                int lineEnd = indexOf(raw, "\r\n".getBytes(StandardCharsets.US_ASCII), pos);
                int size = Integer.parseInt(new String(raw, pos, lineEnd - pos, StandardCharsets.US_ASCII).trim(), 16);
                if (size == 0) {
                    break;
                }
                body.write(raw, lineEnd + 2, size);
                pos = lineEnd + 2 + size + 2;
            }
        } else {
            body.write(raw, pos, raw.length - pos);
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer : for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
