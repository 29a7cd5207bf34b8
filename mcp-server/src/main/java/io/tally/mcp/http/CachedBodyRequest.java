package io.tally.mcp.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** A request whose body was already read (to enforce the size limit) and is replayed from memory. */
final class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;
    private final boolean acceptChecked;

    CachedBodyRequest(HttpServletRequest request, byte[] body, boolean acceptChecked) {
        super(request);
        this.body = body;
        this.acceptChecked = acceptChecked;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the body is already in memory; read it synchronously");
            }

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        Charset charset = StandardCharsets.UTF_8;
        String encoding = getCharacterEncoding();
        if (encoding != null && Charset.isSupported(encoding)) {
            charset = Charset.forName(encoding);
        }
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
    }

    /**
     * The {@code Accept} header the transport expects: the filter has already checked that the client accepts both
     * JSON and event streams (possibly through wildcards the transport does not understand).
     */
    @Override
    public String getHeader(String name) {
        if ("Accept".equalsIgnoreCase(name) && acceptChecked) {
            return "application/json, text/event-stream";
        }
        return super.getHeader(name);
    }

    @Override
    public java.util.Enumeration<String> getHeaders(String name) {
        if ("Accept".equalsIgnoreCase(name) && acceptChecked) {
            return java.util.Collections.enumeration(java.util.List.of("application/json, text/event-stream"));
        }
        return super.getHeaders(name);
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }
}
