package io.tally.mcp.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The response the MCP transport writes to, with three jobs:
 * <ul>
 *   <li>an error the transport answers (status 400 or above) is held back and rewritten as a clean JSON-RPC error
 *       ({@link JsonRpcReply}): the transport serializes its exception objects, stack frames and class names
 *       included, and none of that may reach a client;</li>
 *   <li>in stateful mode the session id it assigns on {@code initialize} is bound to the caller's token;</li>
 *   <li>for a {@code tools/call}, whether the result says {@code "isError":true}, for metrics.</li>
 * </ul>
 */
final class GuardedResponse extends HttpServletResponseWrapper {
    static final String SESSION_HEADER = "Mcp-Session-Id";
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A package-qualified Java class name, an exception's name or a stack frame ({@code at a.b.C.m(}): never shown to
     * a client. Plain words such as "at most" pass.
     */
    private static final Pattern JAVA_NAME = Pattern.compile(
            "([a-z][a-z0-9_]*\\.){2,}[A-Za-z]|Exception|\\bat [a-z][\\w$]*(\\.[\\w$<>]+)+\\(");

    private final @Nullable SessionBindings sessions;
    private final String tokenHash;
    private final boolean sniffToolError;
    private int status = 200;
    private boolean errorMode;
    private @Nullable ByteArrayOutputStream errorBody;
    private @Nullable ServletOutputStream errorStream;
    private @Nullable PrintWriter errorWriter;
    private @Nullable ServletOutputStream sniffingStream;
    private @Nullable PrintWriter sniffingWriter;
    private volatile boolean toolErrorSeen;
    private volatile boolean rpcErrorSeen;
    private volatile @Nullable String assignedSession;

    GuardedResponse(HttpServletResponse response, @Nullable SessionBindings sessions, String tokenHash,
            boolean sniffToolError) {
        super(response);
        this.sessions = sessions;
        this.tokenHash = tokenHash;
        this.sniffToolError = sniffToolError;
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
        if (sc >= 400) {
            errorMode = true;
        }
        super.setStatus(sc);
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        setStatus(sc);
    }

    @Override
    public void sendError(int sc) throws IOException {
        setStatus(sc);
    }

    @Override
    public void setHeader(String name, @Nullable String value) {
        capture(name, value);
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, @Nullable String value) {
        capture(name, value);
        super.addHeader(name, value);
    }

    @Override
    public void setContentLength(int len) {
        if (!errorMode) {
            super.setContentLength(len);
        }
    }

    @Override
    public void setContentLengthLong(long len) {
        if (!errorMode) {
            super.setContentLengthLong(len);
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        if (!errorMode) {
            super.flushBuffer();
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (errorMode) {
            if (errorStream == null) {
                errorBody = errorBody == null ? new ByteArrayOutputStream() : errorBody;
                errorStream = new BufferStream(errorBody);
            }
            return errorStream;
        }
        if (!sniffToolError) {
            return super.getOutputStream();
        }
        if (sniffingStream == null) {
            sniffingStream = new SniffingStream(super.getOutputStream(), this::toolErrorSeen, this::rpcErrorSeen);
        }
        return sniffingStream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (errorMode) {
            if (errorWriter == null) {
                errorBody = errorBody == null ? new ByteArrayOutputStream() : errorBody;
                errorWriter = new PrintWriter(new OutputStreamWriter(errorBody, StandardCharsets.UTF_8));
            }
            return errorWriter;
        }
        if (!sniffToolError) {
            return super.getWriter();
        }
        if (sniffingWriter == null) {
            sniffingWriter = new PrintWriter(new SniffingWriter(super.getWriter(), this::toolErrorSeen,
                    this::rpcErrorSeen), false);
        }
        return sniffingWriter;
    }

    /** Whether the transport answered with an error status. */
    boolean isError() {
        return errorMode;
    }

    /** Whether a tool result with {@code "isError":true} was written. */
    boolean toolErrorWritten() {
        return toolErrorSeen;
    }

    /** Whether a JSON-RPC error object ({@code "error":{"code":…}}) was written. */
    boolean rpcErrorWritten() {
        return rpcErrorSeen;
    }

    /** The session id the transport assigned in this response, or null. */
    @Nullable
    String assignedSession() {
        return assignedSession;
    }

    /** After the transport is done: writes the clean form of an error it answered. */
    void finishError() throws IOException {
        if (!errorMode) {
            return;
        }
        if (errorWriter != null) {
            errorWriter.flush();
        }
        byte[] raw = errorBody == null ? new byte[0] : errorBody.toByteArray();
        errorMode = false; // the clean body goes through to the client
        cleanReply(status, raw).writeTo((HttpServletResponse) getResponse());
    }

    /** The clean JSON-RPC form of an error body the transport wrote. */
    static JsonRpcReply cleanReply(int status, byte[] raw) {
        int code = status == 404 ? JsonRpcReply.SERVER_ERROR : status >= 500 ? JsonRpcReply.INTERNAL_ERROR
                : JsonRpcReply.INVALID_REQUEST;
        String message = null;
        JsonNode id = null;
        try {
            JsonNode tree = raw.length == 0 ? null : JSON.readTree(raw);
            JsonNode error = tree == null ? null
                    : tree.has("jsonRpcError") ? tree.get("jsonRpcError") : tree.get("error");
            if (error != null && error.isObject()) {
                if (error.path("code").isInt()) {
                    code = error.get("code").asInt();
                }
                message = error.path("message").asText(null);
            }
            if (tree != null && tree.has("id") && (tree.get("id").isTextual() || tree.get("id").canConvertToLong())) {
                id = tree.get("id");
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: fall back to the status's own wording
        }
        if (message == null || message.isBlank() || JAVA_NAME.matcher(message).find()) {
            message = defaultMessage(status);
        }
        return new JsonRpcReply(status, code, message, id);
    }

    private static String defaultMessage(int status) {
        return switch (status) {
            case 400 -> "Bad Request: the message could not be processed; check it against the MCP specification";
            case 404 -> "Not Found: unknown MCP session; send initialize to open a new one";
            case 405 -> "Method Not Allowed: use POST for JSON-RPC messages";
            case 406 -> "Not Acceptable: accept both application/json and text/event-stream";
            case 415 -> "Unsupported Media Type: send Content-Type: application/json";
            default -> status >= 500 ? "Internal error: the server could not answer this request; try again later"
                    : "Request refused with HTTP " + status;
        };
    }

    private void toolErrorSeen() {
        toolErrorSeen = true;
    }

    private void rpcErrorSeen() {
        rpcErrorSeen = true;
    }

    private void capture(String name, @Nullable String value) {
        if (sessions != null && SESSION_HEADER.equalsIgnoreCase(name) && value != null && status < 400) {
            sessions.bind(value, tokenHash);
            assignedSession = value;
        }
    }

    /**
     * Finds {@code "isError":true} and {@code "error":{"code":} in a stream of characters, across write boundaries.
     * Inside JSON strings these appear escaped ({@code \"}), so text a tool returns cannot trigger them. Both start
     * with a quote: between matches it only looks for the next quote, so a large answer costs one comparison a
     * character.
     */
    private static final class Matcher {
        private final Needle toolError;
        private final Needle rpcError;

        Matcher(Runnable onToolError, Runnable onRpcError) {
            this.toolError = new Needle("\"isError\":true", onToolError);
            this.rpcError = new Needle("\"error\":{\"code\":", onRpcError);
        }

        void feed(int c) {
            toolError.feed(c);
            rpcError.feed(c);
        }

        void feed(char[] chars, int off, int len) {
            int end = off + len;
            for (int i = off; i < end; i++) {
                char c = chars[i];
                if (c != '"' && toolError.idle() && rpcError.idle()) {
                    continue;
                }
                feed(c);
            }
        }

        void feed(String text, int off, int len) {
            int end = off + len;
            for (int i = off; i < end; i++) {
                char c = text.charAt(i);
                if (c != '"' && toolError.idle() && rpcError.idle()) {
                    continue;
                }
                feed(c);
            }
        }

        void feed(byte[] bytes, int off, int len) {
            int end = off + len;
            for (int i = off; i < end; i++) {
                int c = bytes[i] & 0xff;
                if (c != '"' && toolError.idle() && rpcError.idle()) {
                    continue;
                }
                feed(c);
            }
        }
    }

    /** One text to find; its first character is a quote ({@link Matcher} relies on that). */
    private static final class Needle {
        private final char[] text;
        private final Runnable onMatch;
        private int matched;

        Needle(String text, Runnable onMatch) {
            this.text = text.toCharArray();
            this.onMatch = onMatch;
        }

        /** Whether no part of the text is matched: only a quote can start a match. */
        boolean idle() {
            return matched == 0;
        }

        void feed(int c) {
            if (c == text[matched]) {
                matched++;
                if (matched == text.length) {
                    onMatch.run();
                    matched = 0;
                }
            } else {
                matched = c == text[0] ? 1 : 0;
            }
        }
    }

    private static final class SniffingStream extends ServletOutputStream {
        private final ServletOutputStream out;
        private final Matcher matcher;

        SniffingStream(ServletOutputStream out, Runnable onToolError, Runnable onRpcError) {
            this.out = out;
            this.matcher = new Matcher(onToolError, onRpcError);
        }

        @Override
        public void write(int b) throws IOException {
            matcher.feed(b & 0xff);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            matcher.feed(b, off, len);
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }

    private static final class SniffingWriter extends Writer {
        private final Writer out;
        private final Matcher matcher;

        SniffingWriter(Writer out, Runnable onToolError, Runnable onRpcError) {
            this.out = out;
            this.matcher = new Matcher(onToolError, onRpcError);
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            matcher.feed(cbuf, off, len);
            out.write(cbuf, off, len);
        }

        /** The transport writes its whole answer as one string: passed on as it is, without a char[] copy. */
        @Override
        public void write(String str, int off, int len) throws IOException {
            matcher.feed(str, off, len);
            out.write(str, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    private static final class BufferStream extends ServletOutputStream {
        private final ByteArrayOutputStream buffer;

        BufferStream(ByteArrayOutputStream buffer) {
            this.buffer = buffer;
        }

        @Override
        public void write(int b) {
            buffer.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            buffer.write(b, off, len);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("error bodies are buffered; write them synchronously");
        }
    }
}
