package io.tally.mcp.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A JSON-RPC error answer as the specification defines it, {@code {"jsonrpc":"2.0","id":…,"error":{"code":…,
 * "message":…}}}, with a one-line message written for the caller: never a stack trace, a class name or the input
 * quoted back.
 *
 * @param status  the HTTP status to answer with
 * @param code    the JSON-RPC error code (for example {@link #PARSE_ERROR})
 * @param message one line saying what was wrong and what to send instead
 * @param id      the request's id when it could be read, else {@code null} (sent as JSON {@code null})
 */
public record JsonRpcReply(int status, int code, String message, @Nullable JsonNode id) {
    /** Invalid JSON was received. */
    public static final int PARSE_ERROR = -32700;
    /** The JSON sent is not a valid request object. */
    public static final int INVALID_REQUEST = -32600;
    /** The method does not exist or is not available. */
    public static final int METHOD_NOT_FOUND = -32601;
    /** Invalid method parameters. */
    public static final int INVALID_PARAMS = -32602;
    /** Internal JSON-RPC error. */
    public static final int INTERNAL_ERROR = -32603;
    /** Implementation-defined server error: refused by a limit of this server (rate, sessions, shutdown). */
    public static final int SERVER_ERROR = -32000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE_CHARS = 300;

    /** A reply with no id. */
    public static JsonRpcReply of(int status, int code, String message) {
        return new JsonRpcReply(status, code, message, null);
    }

    /** The JSON text of the error object. */
    public String body() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("jsonrpc", "2.0");
        root.set("id", id == null ? JsonNodeFactory.instance.nullNode() : id);
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", oneLine(message));
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** Writes this reply to {@code response} (status, JSON body, no caching). */
    public void writeTo(HttpServletResponse response) throws IOException {
        byte[] bytes = body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The first line of {@code text}, at most 300 characters. */
    static String oneLine(@Nullable String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        String line = (nl >= 0 ? text.substring(0, nl) : text).replace('\r', ' ').trim();
        return line.length() > MAX_MESSAGE_CHARS ? line.substring(0, MAX_MESSAGE_CHARS - 1) + "…" : line;
    }
}
