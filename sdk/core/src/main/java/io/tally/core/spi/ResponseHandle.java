package io.tally.core.spi;

import io.tally.core.HttpHeaders;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * A successful response as a {@link ResponseReader} sees it. The body can be read once: as a
 * stream, as text, or as JSON (unwrapped from the provider's envelope).
 */
public final class ResponseHandle {
    private final int statusCode;
    private final HttpHeaders headers;
    private final String requestId;
    private final InputStream body;
    private final ObjectMapper mapper;
    private final ResponseEnvelope envelope;
    private final okhttp3.Headers rawHeaders;
    private String text;

    /**
     * A successful response for a {@link ResponseReader}: status, headers (secrets redacted), request
     * id, the body stream, the provider's mapper and envelope, and the raw OkHttp headers.
     */
    public ResponseHandle(int statusCode, HttpHeaders headers, String requestId, InputStream body, ObjectMapper mapper,
                   ResponseEnvelope envelope, okhttp3.Headers rawHeaders) {
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

    /** The raw body. The transport closes it when the reader returns. */
    public InputStream stream() {
        return body;
    }

    /** The body as UTF-8 text (read once, then cached). */
    public String text() throws IOException {
        if (text == null) {
            text = new String(readAll(body), java.nio.charset.StandardCharsets.UTF_8);
        }
        return text;
    }

    /** The body parsed as JSON and unwrapped from the provider's envelope; {@code null} for an empty body. */
    public JsonNode json() throws IOException, ResponseEnvelope.EnvelopeFailure {
        String t = text();
        if (t.trim().isEmpty()) {
            return null;
        }
        return envelope.unwrap(mapper.readTree(t), statusCode);
    }

    /** The unwrapped JSON payload converted to {@code type}; {@code null} for an empty body. */
    public <T> T json(JavaType type) throws IOException, ResponseEnvelope.EnvelopeFailure {
        JsonNode node = json();
        if (node == null || node.isNull()) {
            return null;
        }
        return mapper.readerFor(type).readValue(node);
    }

    /** The body text if a reader already read it as text or JSON, else empty; for error reporting. */
    public String textReadSoFar() {
        return text == null ? "" : text;
    }

    /** The mapper of the provider, for readers that need it. */
    public ObjectMapper mapper() {
        return mapper;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) != -1) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
