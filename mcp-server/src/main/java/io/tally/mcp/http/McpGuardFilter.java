package io.tally.mcp.http;

import io.tally.mcp.tool.CallerToken;
import io.tally.mcp.tool.ToolContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before the MCP transport on every request to {@code /mcp/<provider>}, in this order:
 * <ol>
 *   <li>{@code Host} and {@code Origin} against DNS rebinding ({@link OriginPolicy}) — 403;</li>
 *   <li>body size — 413 (declared {@code Content-Length} first, then the bytes actually read);</li>
 *   <li>the caller's {@code Authorization: Bearer} token, or the configured fallback token (server-side token or
 *       demo token) — 401 with {@code WWW-Authenticate: Bearer} when there is neither;</li>
 *   <li>the per-token rate limit ({@link TokenRateLimiter}) — 429 with {@code Retry-After};</li>
 *   <li>in stateful mode, the session's owner ({@link SessionBindings}) — 403 for another token, 404 for a
 *       session that was not opened here.</li>
 * </ol>
 * The accepted token is stored as a request attribute, from which the transport's context extractor hands it to
 * the tool handlers of this request only. Logs carry a short hash of the token, never the token.
 */
public final class McpGuardFilter implements Filter {
    /** The request attribute holding the request's {@link CallerToken}. */
    public static final String CALLER_ATTRIBUTE = ToolContext.CALLER_TOKEN_KEY;

    private static final Logger LOG = LoggerFactory.getLogger(McpGuardFilter.class);
    private static final String SESSION_HEADER = "Mcp-Session-Id";
    private static final int MAX_TOKEN_LENGTH = 4096;

    private final OriginPolicy originPolicy;
    private final long maxBodyBytes;
    private final TokenRateLimiter rateLimiter;
    private final CallerToken fallbackToken;
    private final SessionBindings sessions;
    private final String providerName;

    /**
     * @param providerName  the provider's display name, for error texts
     * @param originPolicy  Host and Origin rules
     * @param maxBodyBytes  the largest request body accepted
     * @param rateLimiter   per-token limits (shared by every endpoint of the server)
     * @param fallbackToken the token to use when a request carries none (server-side or demo token), or null
     * @param sessions      session owners in stateful mode, or null in stateless mode
     */
    public McpGuardFilter(String providerName, OriginPolicy originPolicy, long maxBodyBytes,
                          TokenRateLimiter rateLimiter, CallerToken fallbackToken, SessionBindings sessions) {
        this.providerName = providerName;
        this.originPolicy = originPolicy;
        this.maxBodyBytes = maxBodyBytes;
        this.rateLimiter = rateLimiter;
        this.fallbackToken = fallbackToken;
        this.sessions = sessions;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;

        String refusal = originPolicy.refusal(request.getHeader("Host"), request.getHeader("Origin"));
        if (refusal != null) {
            LOG.warn("refused {} {}: {}", request.getMethod(), request.getRequestURI(), refusal);
            plain(response, 403, "Forbidden: " + refusal);
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            plain(response, 413, "Payload Too Large: request bodies are limited to " + maxBodyBytes + " bytes");
            return;
        }

        CallerToken caller;
        String authorization = request.getHeader("Authorization");
        if (authorization == null || authorization.trim().isEmpty()) {
            if (fallbackToken == null) {
                unauthorized(response, null, "Unauthorized: send your " + providerName
                        + " API token as 'Authorization: Bearer <token>'. It is used for this request only.");
                return;
            }
            caller = fallbackToken;
        } else {
            String token = bearerToken(authorization);
            if (token == null) {
                unauthorized(response, "invalid_request", "Unauthorized: the Authorization header must be "
                        + "'Bearer <token>' with a " + providerName + " API token");
                return;
            }
            caller = CallerToken.of(token);
        }

        Duration wait = rateLimiter.tryAcquire(caller.hash());
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            LOG.info("rate limited caller {} for {}s", caller.shortHash(), seconds);
            response.setHeader("Retry-After", Long.toString(seconds));
            plain(response, 429, "Too Many Requests: this token's request rate is limited; retry in " + seconds + " s");
            return;
        }

        String sessionId = request.getHeader(SESSION_HEADER);
        if (sessions != null && sessionId != null && !sessionId.isEmpty()) {
            String owner = sessions.owner(sessionId);
            if (owner == null) {
                plain(response, 404, "Not Found: unknown MCP session; send initialize to open a new one");
                return;
            }
            if (!owner.equals(caller.hash())) {
                LOG.warn("refused session {} to caller {}: the session belongs to another token", sessionId,
                        caller.shortHash());
                plain(response, 403, "Forbidden: this MCP session was opened with another token");
                return;
            }
        }

        HttpServletRequest forwarded = request;
        if ("POST".equalsIgnoreCase(request.getMethod())) {
            byte[] body = readLimited(request.getInputStream());
            if (body == null) {
                plain(response, 413, "Payload Too Large: request bodies are limited to " + maxBodyBytes + " bytes");
                return;
            }
            forwarded = new CachedBodyRequest(request, body);
        }
        forwarded.setAttribute(CALLER_ATTRIBUTE, caller);
        LOG.debug("{} {} caller={}", request.getMethod(), request.getRequestURI(), caller.shortHash());

        if (sessions == null) {
            chain.doFilter(forwarded, response);
            return;
        }
        SessionCapture capture = new SessionCapture(response, sessions, caller);
        chain.doFilter(forwarded, capture);
        if ("DELETE".equalsIgnoreCase(request.getMethod()) && sessionId != null && capture.getStatus() < 300) {
            sessions.unbind(sessionId);
        }
    }

    /** The token of a {@code Bearer} header, or null when the header is malformed. */
    static String bearerToken(String authorization) {
        String a = authorization.trim();
        if (a.length() < 7 || !a.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return null;
        }
        String token = a.substring(7).trim();
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return null;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= ' ' || c >= 127) {
                return null;
            }
        }
        return token;
    }

    private byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > maxBodyBytes) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static void unauthorized(HttpServletResponse response, String error, String message) throws IOException {
        response.setHeader("WWW-Authenticate", error == null ? "Bearer realm=\"tally-mcp\""
                : "Bearer realm=\"tally-mcp\", error=\"" + error + "\"");
        plain(response, 401, message);
    }

    private static void plain(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** Binds the session id the transport assigns on initialize to the token that asked for it. */
    private static final class SessionCapture extends HttpServletResponseWrapper {
        private final SessionBindings sessions;
        private final CallerToken caller;

        SessionCapture(HttpServletResponse response, SessionBindings sessions, CallerToken caller) {
            super(response);
            this.sessions = sessions;
            this.caller = caller;
        }

        @Override
        public void setHeader(String name, String value) {
            capture(name, value);
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            capture(name, value);
            super.addHeader(name, value);
        }

        private void capture(String name, String value) {
            if (SESSION_HEADER.equalsIgnoreCase(name) && value != null) {
                sessions.bind(value, caller.hash());
                LOG.info("session {} opened by caller {}", value, caller.shortHash());
            }
        }
    }
}
