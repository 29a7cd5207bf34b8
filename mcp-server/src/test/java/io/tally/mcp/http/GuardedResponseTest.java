package io.tally.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the guard learns from an answer as it goes out: tool errors and JSON-RPC errors, across writes. */
class GuardedResponseTest {
    private final StringWriter text = new StringWriter();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private HttpServletResponse underlying() {
        ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        PrintWriter writer = new PrintWriter(text);
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getWriter" -> writer;
                    case "getOutputStream" -> stream;
                    case "getStatus" -> 200;
                    case "isCommitted" -> false;
                    default -> null;
                });
    }

    private GuardedResponse response() {
        return new GuardedResponse(underlying(), null, "hash", true);
    }

    @Test
    void aToolErrorSplitAcrossWritesIsSeenAndTheAnswerPassesUnchanged() throws Exception {
        GuardedResponse r = response();
        PrintWriter w = r.getWriter();
        w.write("{\"result\":{\"content\":[],\"isErr");
        w.write("or\":true}}");
        w.flush();

        assertThat(r.toolErrorWritten()).isTrue();
        assertThat(r.rpcErrorWritten()).isFalse();
        assertThat(text.toString()).isEqualTo("{\"result\":{\"content\":[],\"isError\":true}}");
    }

    @Test
    void theSameWordsInsideAToolsTextDoNotCount() throws Exception {
        GuardedResponse r = response();
        PrintWriter w = r.getWriter();
        String answer = "{\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"{\\\"isError\\\":true,"
                + "\\\"error\\\":{\\\"code\\\":1}}\"}],\"isError\":false}}";
        w.write(answer.toCharArray(), 0, answer.length());
        w.flush();

        assertThat(r.toolErrorWritten()).isFalse();
        assertThat(r.rpcErrorWritten()).isFalse();
        assertThat(text.toString()).isEqualTo(answer);
    }

    @Test
    void aJsonRpcErrorIsSeenInALargeAnswer() throws Exception {
        GuardedResponse r = response();
        PrintWriter w = r.getWriter();
        w.write("{\"jsonrpc\":\"2.0\",\"id\":1,\"padding\":\"" + "x".repeat(50_000) + "\",");
        w.write("\"error\":{\"code\":-32602,\"message\":\"bad\"}}");
        w.flush();

        assertThat(r.rpcErrorWritten()).isTrue();
        assertThat(r.toolErrorWritten()).isFalse();
    }

    @Test
    void bytesAreScannedTheSameWay() throws Exception {
        GuardedResponse r = response();
        byte[] answer = "{\"result\":{\"isError\":true}}".getBytes(StandardCharsets.UTF_8);
        r.getOutputStream().write(answer, 0, 12);
        r.getOutputStream().write(answer, 12, answer.length - 12);

        assertThat(r.toolErrorWritten()).isTrue();
        assertThat(bytes.toByteArray()).isEqualTo(answer);
    }
}
