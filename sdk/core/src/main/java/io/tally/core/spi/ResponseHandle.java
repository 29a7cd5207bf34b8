package io.tally.core.spi;

import io.tally.core.HttpHeaders;
import io.tally.core.ResponseTooLargeException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A successful response as a {@link ResponseReader} sees it. The body can be read once: as a
 * stream, as text, or as JSON (unwrapped from the provider's envelope).
 */
public final class ResponseHandle {
    private final int statusCode;
    private final HttpHeaders headers;
    private final @Nullable String requestId;
    private final InputStream body;
    private final ObjectMapper mapper;
    private final ResponseEnvelope envelope;
    private final okhttp3.Headers rawHeaders;
    private final long maxBodySize;
    private @Nullable String text;
    /** Whether the body was decoded from the stream, so that no text is left to read. */
    private boolean consumed;

    /**
     * A successful response for a {@link ResponseReader}: status, headers (secrets redacted), request
     * id, the body stream, the provider's mapper and envelope, and the raw OkHttp headers; buffered reads are limited to
     * {@link io.tally.core.ClientOptions#DEFAULT_MAX_BODY_SIZE}.
     */
    public ResponseHandle(int statusCode, HttpHeaders headers, @Nullable String requestId, InputStream body,
            ObjectMapper mapper,
            ResponseEnvelope envelope, okhttp3.Headers rawHeaders) {
        this(statusCode, headers, requestId, body, mapper, envelope, rawHeaders,
                io.tally.core.ClientOptions.DEFAULT_MAX_BODY_SIZE);
    }

    /**
     * A handle whose buffered reads ({@link #text()}, {@link #json()}) fail with a
     * {@link ResponseTooLargeException} past {@code maxBodySize} bytes; {@link #stream()} is not limited.
     */
    public ResponseHandle(int statusCode, HttpHeaders headers, @Nullable String requestId, InputStream body,
            ObjectMapper mapper,
            ResponseEnvelope envelope, okhttp3.Headers rawHeaders, long maxBodySize) {
        this.maxBodySize = maxBodySize;
        this.rawHeaders = rawHeaders;
        this.statusCode = statusCode;
        this.headers = headers;
        this.requestId = requestId;
        this.body = body;
        this.mapper = mapper;
        this.envelope = envelope;
    }

    /**
     * The HTTP status: 2xx, or 3xx for a reader that
     * {@link ResponseReader#acceptsRedirect() accepts redirects}.
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * The response headers, secrets redacted; {@link #secretHeaderValues} gives the real values
     * where a reader needs them.
     */
    public HttpHeaders headers() {
        return headers;
    }

    /** The request id the server sent, when it sent one. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /**
     * The unredacted values of a header that {@link #headers()} redacts, such as {@code Set-Cookie}: for
     * session logins that must keep the cookie. Never log or print what this returns.
     */
    public java.util.List<String> secretHeaderValues(String name) {
        return rawHeaders == null ? java.util.Collections.<String>emptyList() : rawHeaders.values(name);
    }

    /**
     * The raw body, not limited in size: for downloads and streams. The transport closes it when the
     * reader returns.
     */
    public InputStream stream() {
        return body;
    }

    /**
     * The body as UTF-8 text (read once, then cached).
     *
     * @throws ResponseTooLargeException when the body is larger than the client's
     *     {@link io.tally.core.ClientOptions#maxBodySize() maxBodySize}
     */
    public String text() throws IOException {
        if (text == null) {
            text = new String(readAll(body), java.nio.charset.StandardCharsets.UTF_8);
        }
        return text;
    }

    /** The body parsed as JSON and unwrapped from the provider's envelope; {@code null} for an empty body. */
    public @Nullable JsonNode json() throws IOException, ResponseEnvelope.EnvelopeFailure {
        String t = text();
        if (t.trim().isEmpty()) {
            return null;
        }
        return envelope.unwrap(mapper.readTree(t), statusCode);
    }

    /**
     * The unwrapped JSON payload converted to {@code type}; {@code null} for an empty body or a JSON
     * {@code null}. {@link #requiredJson(JavaType)} refuses an empty body instead.
     */
    public <T> @Nullable T json(JavaType type) throws IOException, ResponseEnvelope.EnvelopeFailure {
        return read(mapper.readerFor(type), false);
    }

    /**
     * The unwrapped JSON payload read by {@code reader} (made once per type by {@link ClientContext}'s readers, as
     * Jackson's readers are immutable): {@code null} for a JSON {@code null}, and for an empty body unless
     * {@code required}, when it is an {@link EmptyBodyException}.
     */
    <T> @Nullable T read(ObjectReader reader, boolean required) throws IOException, ResponseEnvelope.EnvelopeFailure {
        if (envelope == ResponseEnvelope.BARE && text == null && !consumed) {
            return decodeStreaming(reader, required);
        }
        if (required && text().trim().isEmpty()) {
            throw new EmptyBodyException(reader.getValueType());
        }
        JsonNode node = json();
        if (node == null || node.isNull()) {
            return null;
        }
        return reader.readValue(node);
    }

    /**
     * Decodes a bare body straight from the stream into {@code type}: no byte array, no String, no
     * tree. The size limit still applies (a counting stream), and an empty body gives {@code null}
     * or, when {@code required}, an {@link EmptyBodyException}. Envelopes keep the tree path, since
     * they must look at the body before it is converted.
     */
    private <T> @Nullable T decodeStreaming(ObjectReader reader, boolean required) throws IOException {
        long announced = announcedLength();
        if (announced > maxBodySize) {
            throw tooLarge(announced);
        }
        consumed = true;
        LimitedStream limited = new LimitedStream(body);
        try (com.fasterxml.jackson.core.JsonParser parser = mapper.getFactory().createParser(limited)) {
            com.fasterxml.jackson.core.JsonToken first = parser.nextToken();
            if (first == null) {
                if (required) {
                    throw new EmptyBodyException(reader.getValueType());
                }
                return null;
            }
            if (first == com.fasterxml.jackson.core.JsonToken.VALUE_NULL) {
                return null;
            }
            return reader.readValue(parser);
        } catch (IOException | RuntimeException e) {
            if (limited.exceeded) {
                // Jackson may have wrapped the stream's failure; report the limit, not a parse error
                throw tooLarge(announced);
            }
            throw e;
        }
    }

    /**
     * The unwrapped JSON payload converted to {@code type}, for routes that always answer with a
     * value: an empty body fails with an {@link EmptyBodyException} rather than giving {@code null}.
     * A JSON {@code null} still gives {@code null}.
     */
    public <T> @Nullable T requiredJson(JavaType type) throws IOException, ResponseEnvelope.EnvelopeFailure {
        return read(mapper.readerFor(type), true);
    }

    /** The body text if a reader already read it as text or JSON, else empty; for error reporting. */
    public String textReadSoFar() {
        return text == null ? "" : text;
    }

    /** The mapper of the provider, for readers that need it. */
    public ObjectMapper mapper() {
        return mapper;
    }

    private long announcedLength() {
        return headers.first("content-length").map(ResponseHandle::parseLength).orElse(-1L);
    }

    /** Counts what is read and fails past the size limit, so a streamed decode has the same limit. */
    private final class LimitedStream extends java.io.FilterInputStream {
        private long total;
        private boolean exceeded;

        LimitedStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public void close() {
            // the transport closes the body; the parser must not close it first
        }

        private void count(int n) throws IOException {
            total += n;
            if (total > maxBodySize) {
                exceeded = true;
                throw new IOException("the body is larger than maxBodySize");
            }
        }
    }

    private byte[] readAll(InputStream in) throws IOException {
        long announced = announcedLength();
        if (announced > maxBodySize) {
            throw tooLarge(announced);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(
                announced > 0 ? (int) announced : 8192);
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buf)) != -1) {
            total += n;
            if (total > maxBodySize) {
                throw tooLarge(announced);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private ResponseTooLargeException tooLarge(long announced) {
        return new ResponseTooLargeException("the response body ("
                + (announced >= 0 ? announced + " bytes" : "more than " + maxBodySize + " bytes, no Content-Length")
                + ") is larger than the limit of " + maxBodySize + " bytes for bodies read into memory (maxBodySize)",
                announced, maxBodySize);
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    /**
     * A successful response had no body where the route always answers with a value; the transport
     * reports it as a {@link io.tally.core.TallyException} naming the request.
     */
    public static final class EmptyBodyException extends com.fasterxml.jackson.core.JsonProcessingException {
        private static final long serialVersionUID = 1L;
        /** The type that was expected, for the message. */
        private final String expected;

        /** Creates the exception for a missing value of {@code expected}. */
        public EmptyBodyException(JavaType expected) {
            super("an empty body where " + expected.getRawClass().getSimpleName() + " was expected");
            this.expected = expected.getRawClass().getSimpleName();
        }

        /** The simple name of the type that was expected, e.g. {@code Site}. */
        public String expected() {
            return expected;
        }
    }
}
