package io.tally.mcp.abuse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Any HTTP/1.1 request over a plain loopback socket: the abuse tests send what well-behaved clients never would
 * (no Accept, a wrong Content-Type, a body that never ends). Reads are bounded by a socket timeout.
 */
final class Raw {
    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private Raw() {}

    /** Sends {@code method path} with exactly these header lines (a Host and Content-Length are added) and body. */
    static Response send(int port, String method, String path, List<String> headers, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Connection: close\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    static Response read(InputStream in) throws IOException {
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
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        String rest = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            StringBuilder body = new StringBuilder();
            int pos = 0;
            while (pos < rest.length()) {
                int lineEnd = rest.indexOf("\r\n", pos);
                int size = Integer.parseInt(rest.substring(pos, lineEnd).trim(), 16);
                if (size == 0) {
                    break;
                }
                body.append(rest, lineEnd + 2, lineEnd + 2 + size);
                pos = lineEnd + 2 + size + 2;
            }
            rest = body.toString();
        }
        return new Response(status, headers, rest);
    }
}
