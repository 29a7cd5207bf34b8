package io.tally.core;

import java.util.OptionalLong;

/**
 * A response body was larger than {@link ClientOptions#maxBodySize()}, the limit for bodies read
 * into memory. Nothing was parsed; raise the limit with
 * {@link ClientOptions.Builder#maxBodySize(long)} or use a streamed download for large results.
 */
public class ResponseTooLargeException extends TallyException {
    private static final long serialVersionUID = 1L;

    /** The size the server announced, or -1 when it did not say (the body was cut off at the limit). */
    private final long size;
    /** The limit that was exceeded, in bytes. */
    private final long limit;

    /**
     * Creates the exception; {@code message} names the request, the size and the limit.
     *
     * @param size  the announced body size in bytes, or -1 when the server sent none
     * @param limit the limit in bytes
     */
    public ResponseTooLargeException(String message, long size, long limit) {
        super(message);
        this.size = size;
        this.limit = limit;
    }

    /** The body size the server announced ({@code Content-Length}), when it announced one. */
    public OptionalLong size() {
        return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
    }

    /** The limit that was exceeded, in bytes. */
    public long limit() {
        return limit;
    }
}
