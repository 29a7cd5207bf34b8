package io.tally.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyBufferTest {

    /** Hands out at most {@code chunk} bytes a read, like a body arriving in network packets. */
    private static InputStream arriving(byte[] body, int chunk) {
        return new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    private static BodyBuffer readAll(BodyBuffer buffer, InputStream in, long max) throws IOException {
        while (buffer.readFrom(in) >= 0 && buffer.size() <= max) {
            // keep reading, as the filter does while the stream is ready
        }
        return buffer;
    }

    private static byte[] body(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) ('a' + i % 26);
        }
        return b;
    }

    @Test
    void aDeclaredLengthIsReadIntoOneArrayThatIsTheBody() throws IOException {
        byte[] sent = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}".getBytes(StandardCharsets.UTF_8);
        BodyBuffer buffer = readAll(new BodyBuffer(sent.length, 1000), arriving(sent, 7), 1000);

        byte[] first = buffer.bytes();
        assertThat(first).isEqualTo(sent);
        assertThat(buffer.bytes()).as("no copy: the array read into is the body").isSameAs(first);
    }

    @Test
    void aChunkedBodyGrowsTheArray() throws IOException {
        byte[] sent = body(5000);
        BodyBuffer buffer = readAll(new BodyBuffer(-1, 100_000), arriving(sent, 333), 100_000);

        assertThat(buffer.size()).isEqualTo(5000);
        assertThat(buffer.bytes()).isEqualTo(sent);
    }

    @Test
    void anEmptyBodyIsEmpty() throws IOException {
        BodyBuffer buffer = readAll(new BodyBuffer(0, 1000), arriving(new byte[0], 10), 1000);

        assertThat(buffer.bytes()).isEmpty();
    }

    @Test
    void aBodyLongerThanDeclaredIsStillReadWhole() throws IOException {
        byte[] sent = body(300);
        BodyBuffer buffer = readAll(new BodyBuffer(100, 1000), arriving(sent, 64), 1000);

        assertThat(buffer.bytes()).isEqualTo(sent);
    }

    @Test
    void aChunkedBodyOverTheLimitStopsGrowingJustPastIt() throws IOException {
        long max = 2000;
        BodyBuffer buffer = readAll(new BodyBuffer(-1, max), arriving(body(1_000_000), 4096), max);

        assertThat(buffer.size()).as("the caller sees the limit passed and stops").isGreaterThan((int) max)
                .isLessThanOrEqualTo((int) max + 1);
    }
}
