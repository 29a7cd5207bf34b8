package io.tally.mcp.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A request body read straight into one array: sized by {@code Content-Length} when the client sent one (the filter
 * has already refused a declared length over the limit), so a body arrives with no intermediate buffer and no copy.
 * A chunked body grows the array, never past the limit plus one read; the caller checks {@link #size()} against the
 * limit after each read and stops.
 */
final class BodyBuffer {
    private static final int CHUNKED_START = 1024;

    private final long maxBytes;
    private byte[] buffer;
    private int size;

    /**
     * @param declaredLength the {@code Content-Length}, or a negative number when the body is chunked
     * @param maxBytes       the largest body accepted
     */
    BodyBuffer(long declaredLength, long maxBytes) {
        this.maxBytes = maxBytes;
        long start = declaredLength >= 0 ? Math.min(declaredLength, maxBytes) : Math.min(CHUNKED_START, maxBytes);
        this.buffer = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, start))];
    }

    /**
     * Reads what is available (call it while the stream is ready).
     *
     * @return the bytes read, or -1 at the end of the body
     */
    int readFrom(InputStream in) throws IOException {
        if (size == buffer.length) {
            // full at the declared length: the end of the body is the likely next thing, read without growing
            int b = in.read();
            if (b < 0) {
                return -1;
            }
            grow();
            buffer[size++] = (byte) b;
            return 1;
        }
        int n = in.read(buffer, size, buffer.length - size);
        if (n > 0) {
            size += n;
        }
        return n;
    }

    /** The bytes read so far. */
    int size() {
        return size;
    }

    /** The body: the array itself when it was sized exactly (the usual case), else a copy of what was read. */
    byte[] bytes() {
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    }

    private void grow() {
        long wanted = Math.max(buffer.length * 2L, CHUNKED_START);
        long capacity = Math.max(buffer.length + 1L, Math.min(wanted, maxBytes + 1));
        buffer = Arrays.copyOf(buffer, (int) Math.min(Integer.MAX_VALUE - 8, capacity));
    }
}
