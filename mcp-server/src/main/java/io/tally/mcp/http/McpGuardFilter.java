package io.tally.mcp.http;

import io.tally.mcp.tool.CallerToken;
import io.tally.mcp.tool.ToolContext;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before the MCP transport on every request to an MCP endpoint. The cheap checks come first, before a byte of
 * the body is read:
 * <ol>
 *   <li>the server is not shutting down — 503 (unless the request was already in flight when the drain began,
 *       see {@link #ADMITTED_BEFORE_DRAIN_ATTRIBUTE});</li>
 *   <li>{@code Host} and {@code Origin} against DNS rebinding ({@link OriginPolicy}) — 403;</li>
 *   <li>the HTTP method (POST; GET and DELETE in stateful mode) — 405;</li>
 *   <li>the declared {@code Content-Length} — 413;</li>
 *   <li>the caller's {@code Authorization: Bearer} token, or the configured fallback token — 401 with
 *       {@code WWW-Authenticate: Bearer} when there is neither;</li>
 *   <li>the rate limits ({@link CallerLimits}: per address, per address for unverified tokens, per token) — 429
 *       with {@code Retry-After};</li>
 *   <li>{@code Content-Type: application/json} — 415; an {@code Accept} that covers {@code application/json} and
 *       {@code text/event-stream} — 406;</li>
 *   <li>in stateful mode, the session's owner ({@link SessionBindings}) — 404 for a session not opened here (or
 *       idle too long), 403 for another token's session.</li>
 * </ol>
 * Then the body is read <em>asynchronously</em>: no thread waits for a slow sender, the body must arrive within the
 * body deadline (408 after) and within the size limit (413), and it is checked as one JSON-RPC message
 * ({@link JsonRpcShape}: -32700, -32600, -32602). Only then is the request dispatched to the transport, whose own
 * errors are rewritten without stack traces ({@link GuardedResponse}). Every refusal is a JSON-RPC error object
 * with a one-line message.
 *
 * <p>The accepted token is stored as a request attribute, from which the transport's context extractor hands it to
 * the tool handlers of this request only. Logs carry a short hash of the token, never the token.
 */
public final class McpGuardFilter implements Filter {
    /** The request attribute holding the request's {@link CallerToken}. */
    public static final String CALLER_ATTRIBUTE = ToolContext.CALLER_TOKEN_KEY;
    /**
     * The request attribute (any value) that marks a request the server began receiving before its drain began: such
     * a request is in flight and is served during the drain; one without it is refused with 503 once draining.
     */
    public static final String ADMITTED_BEFORE_DRAIN_ATTRIBUTE = McpGuardFilter.class.getName() + ".beforeDrain";

    private static final Logger LOG = LoggerFactory.getLogger(McpGuardFilter.class);
    private static final String SESSION_HEADER = GuardedResponse.SESSION_HEADER;
    private static final String BODY_ATTRIBUTE = McpGuardFilter.class.getName() + ".body";
    private static final String MESSAGE_ATTRIBUTE = McpGuardFilter.class.getName() + ".message";
    private static final String STARTED_ATTRIBUTE = McpGuardFilter.class.getName() + ".started";
    private static final int MAX_TOKEN_LENGTH = 4096;

    private final String providerName;
    private final OriginPolicy originPolicy;
    private final long maxBodyBytes;
    private final CallerLimits limits;
    private final @Nullable CallerToken fallbackToken;
    private final @Nullable SessionBindings sessions;
    private final Duration bodyReadTimeout;
    private final Set<String> toolNames;
    private final GuardListener listener;
    private final BooleanSupplier draining;

    /**
     * @param providerName    the provider's display name, for error texts
     * @param originPolicy    Host and Origin rules
     * @param maxBodyBytes    the largest request body accepted
     * @param limits          the rate limits (shared by every endpoint of the server)
     * @param fallbackToken   the token to use when a request carries none (server-side or demo token), or null
     * @param sessions        session owners in stateful mode, or null in stateless mode
     * @param bodyReadTimeout the time a body may take to arrive
     * @param toolNames       the tools served (metrics name only these; other names count as {@code unknown})
     * @param listener        receives refusals and tool calls, for metrics
     * @param draining        true once the server is shutting down: new requests get 503 (those marked with
     *                        {@link #ADMITTED_BEFORE_DRAIN_ATTRIBUTE} are in flight and still served)
     */
    public McpGuardFilter(String providerName, OriginPolicy originPolicy, long maxBodyBytes, CallerLimits limits,
            @Nullable CallerToken fallbackToken, @Nullable SessionBindings sessions, Duration bodyReadTimeout,
            Set<String> toolNames, GuardListener listener, BooleanSupplier draining) {
        this.providerName = providerName;
        this.originPolicy = originPolicy;
        this.maxBodyBytes = maxBodyBytes;
        this.limits = limits;
        this.fallbackToken = fallbackToken;
        this.sessions = sessions;
        this.bodyReadTimeout = bodyReadTimeout;
        this.toolNames = Set.copyOf(toolNames);
        this.listener = listener;
        this.draining = draining;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            if (request.getAttribute(BODY_ATTRIBUTE) instanceof byte[] body) {
                request.removeAttribute(BODY_ATTRIBUTE);
                forward(new CachedBodyRequest(request, body, true), response, chain);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        if (draining.getAsBoolean() && request.getAttribute(ADMITTED_BEFORE_DRAIN_ATTRIBUTE) == null) {
            response.setHeader("Connection", "close");
            refuse(response, "draining", JsonRpcReply.of(503, JsonRpcReply.SERVER_ERROR,
                    "Service Unavailable: the server is shutting down; retry on another replica or in a moment"));
            return;
        }

        String refusal = originPolicy.refusal(request.getHeader("Host"), request.getHeader("Origin"));
        if (refusal != null) {
            LOG.warn("refused {} {}: {}", request.getMethod(), request.getRequestURI(), refusal);
            refuse(response, "origin", JsonRpcReply.of(403, JsonRpcReply.SERVER_ERROR, "Forbidden: " + refusal));
            return;
        }
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        boolean post = method.equals("POST");
        if (!post && !(sessions != null && (method.equals("GET") || method.equals("DELETE")))) {
            response.setHeader("Allow", sessions != null ? "POST, GET, DELETE" : "POST");
            refuse(response, "method", JsonRpcReply.of(405, JsonRpcReply.SERVER_ERROR, "Method Not Allowed: "
                    + (sessions != null ? "use POST for messages, GET for the event stream, DELETE to close a session"
                            : "this server is stateless; POST each JSON-RPC message")));
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            response.setHeader("Connection", "close");
            refuse(response, "too_large", tooLarge());
            return;
        }

        CallerToken caller;
        boolean trusted = false;
        String authorization = request.getHeader("Authorization");
        if (authorization == null || authorization.trim().isEmpty()) {
            if (fallbackToken == null) {
                unauthorized(response, null, "Unauthorized: send your " + providerName
                        + " API token as 'Authorization: Bearer <token>'. It is used for this request only.");
                return;
            }
            caller = fallbackToken;
            trusted = true;
        } else {
            String token = bearerToken(authorization);
            if (token == null) {
                unauthorized(response, "invalid_request", "Unauthorized: the Authorization header must be "
                        + "'Bearer <token>' with a " + providerName + " API token");
                return;
            }
            caller = CallerToken.of(token);
        }

        CallerLimits.Refusal limited = limits.tryAcquire(request.getRemoteAddr(), caller.hash(), trusted);
        if (limited != null) {
            long seconds = Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000);
            LOG.info("rate limited caller {} ({} limit) for {}s", caller.shortHash(), limited.limit(), seconds);
            listener.rateLimited(limited.limit());
            response.setHeader("Retry-After", Long.toString(seconds));
            String whose = switch (limited.limit()) {
                case "address" -> "requests from your address are";
                case "unverified" -> "requests with tokens the upstream has not accepted yet are";
                default -> "this token's request rate is";
            };
            refuse(response, "rate_limited", JsonRpcReply.of(429, JsonRpcReply.SERVER_ERROR,
                    "Too Many Requests: " + whose + " limited; retry in " + seconds + " s"));
            return;
        }

        if (post) {
            if (!isJson(request.getContentType())) {
                refuse(response, "content_type", JsonRpcReply.of(415, JsonRpcReply.INVALID_REQUEST,
                        "Unsupported Media Type: send the JSON-RPC message with Content-Type: application/json"));
                return;
            }
            if (!accepts(request.getHeader("Accept"), "application/json")
                    || !accepts(request.getHeader("Accept"), "text/event-stream")) {
                refuse(response, "accept", JsonRpcReply.of(406, JsonRpcReply.INVALID_REQUEST,
                        "Not Acceptable: send Accept: application/json, text/event-stream"));
                return;
            }
        } else if (method.equals("GET") && !accepts(request.getHeader("Accept"), "text/event-stream")) {
            refuse(response, "accept", JsonRpcReply.of(406, JsonRpcReply.INVALID_REQUEST,
                    "Not Acceptable: the event stream needs Accept: text/event-stream"));
            return;
        }

        String sessionId = request.getHeader(SESSION_HEADER);
        if (sessions != null && sessionId != null && !sessionId.isEmpty()) {
            String owner = sessions.owner(sessionId);
            if (owner == null) {
                refuse(response, "session_unknown", JsonRpcReply.of(404, JsonRpcReply.SERVER_ERROR,
                        "Not Found: unknown or expired MCP session; send initialize to open a new one"));
                return;
            }
            if (!owner.equals(caller.hash())) {
                LOG.warn("refused session {} to caller {}: the session belongs to another token", sessionId,
                        caller.shortHash());
                refuse(response, "session_forbidden", JsonRpcReply.of(403, JsonRpcReply.SERVER_ERROR,
                        "Forbidden: this MCP session was opened with another token"));
                return;
            }
        }

        request.setAttribute(CALLER_ATTRIBUTE, caller);
        LOG.debug("{} {} caller={}", method, request.getRequestURI(), caller.shortHash());
        if (!post) {
            forward(request, response, chain);
            return;
        }
        long declared = request.getContentLengthLong();
        BodyBuffer body = new BodyBuffer(declared, maxBodyBytes);
        if (declared >= 0) {
            // the usual case: a small body that arrived with the headers. What is already here is read without
            // blocking (available() counts it); a complete body goes to the transport on this thread, with no
            // asynchronous read and no second dispatch. Anything still missing is read asynchronously, with the
            // deadline.
            ServletInputStream in = request.getInputStream();
            while (body.size() < declared && in.available() > 0 && body.readFrom(in) >= 0) {
                // reads only what is available
            }
            if (body.size() == declared) {
                byte[] bytes = body.bytes();
                JsonRpcShape.Message message = admit(bytes, response, caller, trusted, sessionId);
                if (message != null) {
                    request.setAttribute(MESSAGE_ATTRIBUTE, message);
                    request.setAttribute(STARTED_ATTRIBUTE, System.nanoTime());
                    forward(new CachedBodyRequest(request, bytes, true), response, chain);
                }
                return;
            }
        }
        readBodyAsync(request, response, caller, trusted, sessionId, body);
    }

    /**
     * Checks a whole body: its JSON-RPC shape and, for an {@code initialize} in stateful mode, the session caps.
     *
     * @return the message, or null when the request was refused (the refusal is written)
     */
    private JsonRpcShape.@Nullable Message admit(byte[] bytes, HttpServletResponse response, CallerToken caller,
            boolean trusted, @Nullable String sessionId) throws IOException {
        JsonRpcShape.Outcome outcome = JsonRpcShape.check(bytes);
        JsonRpcReply refusal = outcome.refusal();
        if (refusal != null) {
            refuse(response, reason(refusal.code()), refusal);
            return null;
        }
        // an outcome without a refusal carries the message
        JsonRpcShape.Message message = Objects.requireNonNull(outcome.message(), "message");
        if (sessions != null && "initialize".equals(message.method())
                && (sessionId == null || sessionId.isEmpty())) {
            SessionBindings.Refusal full = sessions.admit(caller.hash(), !trusted);
            if (full != null) {
                long minutes = Math.max(1, sessions.idleTimeout().toMinutes());
                if (full == SessionBindings.Refusal.TOKEN_FULL) {
                    response.setHeader("Retry-After", Long.toString(minutes * 60));
                    refuse(response, "session_cap", new JsonRpcReply(429, JsonRpcReply.SERVER_ERROR,
                            "Too Many Requests: this token holds its maximum of open MCP sessions; close one "
                                    + "with DELETE or let one idle out (" + minutes + " min)",
                            message.tree().get("id")));
                } else {
                    response.setHeader("Retry-After", "60");
                    refuse(response, "session_cap", new JsonRpcReply(503, JsonRpcReply.SERVER_ERROR,
                            "Service Unavailable: the server holds its maximum of open MCP sessions; retry "
                                    + "later",
                            message.tree().get("id")));
                }
                return null;
            }
        }
        return message;
    }

    /**
     * Reads the (rest of the) body without holding a thread, then checks it and dispatches it to the transport.
     */
    private void readBodyAsync(HttpServletRequest request, HttpServletResponse response, CallerToken caller,
            boolean trusted, @Nullable String sessionId, BodyBuffer body) throws IOException {
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(bodyReadTimeout.toMillis());
        AtomicBoolean settled = new AtomicBoolean();
        listener.bodyReadStarted();
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) throws IOException {
                if (settle(settled)) {
                    LOG.info("caller {} did not send its body within {} ms", caller.shortHash(),
                            bodyReadTimeout.toMillis());
                    response.setHeader("Connection", "close");
                    refuse(response, "body_timeout", JsonRpcReply.of(408, JsonRpcReply.SERVER_ERROR,
                            "Request Timeout: the body did not arrive within " + bodyReadTimeout.toMillis() + " ms"));
                    async.complete();
                }
            }

            @Override
            public void onError(AsyncEvent event) {
                settle(settled);
            }

            @Override
            public void onComplete(AsyncEvent event) {}

            @Override
            public void onStartAsync(AsyncEvent event) {}
        });
        ServletInputStream in = request.getInputStream();
        in.setReadListener(new ReadListener() {
            @Override
            public void onDataAvailable() throws IOException {
                while (!settled.get() && in.isReady()) {
                    if (body.readFrom(in) < 0) {
                        return;
                    }
                    if (body.size() > maxBodyBytes) {
                        if (settle(settled)) {
                            response.setHeader("Connection", "close");
                            refuse(response, "too_large", tooLarge());
                            async.complete();
                        }
                        return;
                    }
                }
            }

            @Override
            public void onAllDataRead() throws IOException {
                if (!settle(settled)) {
                    return;
                }
                byte[] bytes = body.bytes();
                JsonRpcShape.Message message = admit(bytes, response, caller, trusted, sessionId);
                if (message == null) {
                    async.complete();
                    return;
                }
                request.setAttribute(BODY_ATTRIBUTE, bytes);
                request.setAttribute(MESSAGE_ATTRIBUTE, message);
                request.setAttribute(STARTED_ATTRIBUTE, System.nanoTime());
                async.dispatch();
            }

            @Override
            public void onError(Throwable t) {
                if (settle(settled)) {
                    LOG.debug("reading the body of caller {} failed: {}", caller.shortHash(), t.toString());
                    try {
                        if (!response.isCommitted()) {
                            response.setHeader("Connection", "close");
                            if (draining.getAsBoolean()) {
                                // the server stopped at the end of its drain with this body still arriving
                                refuse(response, "draining", JsonRpcReply.of(503, JsonRpcReply.SERVER_ERROR,
                                        "Service Unavailable: the server shut down before the request body arrived; "
                                                + "retry on another replica or in a moment"));
                            } else {
                                refuse(response, "body_error", JsonRpcReply.of(400, JsonRpcReply.PARSE_ERROR,
                                        "Bad Request: the request body could not be read completely"));
                            }
                        }
                    } catch (IOException | RuntimeException ignored) {
                        // the connection is gone
                    } finally {
                        async.complete();
                    }
                }
            }
        });
    }

    /** Marks a body read as over; true for the one caller that does so first (it answers the request). */
    private boolean settle(AtomicBoolean settled) {
        if (settled.compareAndSet(false, true)) {
            listener.bodyReadFinished();
            return true;
        }
        return false;
    }

    /** Hands a checked request to the transport, cleaning its errors and recording the session and metrics. */
    private void forward(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        CallerToken caller = (CallerToken) request.getAttribute(CALLER_ATTRIBUTE);
        JsonRpcShape.Message message = (JsonRpcShape.Message) request.getAttribute(MESSAGE_ATTRIBUTE);
        String tool = message == null ? null : message.toolName();
        GuardedResponse guarded = new GuardedResponse(response, sessions, caller == null ? "" : caller.hash(),
                tool != null);
        chain.doFilter(request, guarded);
        guarded.finishError();
        if (guarded.assignedSession() != null && caller != null) {
            LOG.info("session {} opened by caller {}", guarded.assignedSession(), caller.shortHash());
        }
        String sessionId = request.getHeader(SESSION_HEADER);
        if (sessions != null && "DELETE".equalsIgnoreCase(request.getMethod()) && sessionId != null
                && guarded.getStatus() < 300) {
            sessions.unbind(sessionId);
        }
        if (tool != null) {
            Object started = request.getAttribute(STARTED_ATTRIBUTE);
            long start = started instanceof Long l ? l : System.nanoTime();
            String name = toolNames.contains(tool) ? tool : "unknown";
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        listener.toolCall(name, outcome(guarded), System.nanoTime() - start);
                    }

                    @Override
                    public void onTimeout(AsyncEvent event) {}

                    @Override
                    public void onError(AsyncEvent event) {}

                    @Override
                    public void onStartAsync(AsyncEvent event) {}
                });
            } else {
                listener.toolCall(name, outcome(guarded), System.nanoTime() - start);
            }
        }
    }

    private static String outcome(GuardedResponse guarded) {
        if (guarded.getStatus() >= 400 || guarded.rpcErrorWritten()) {
            return "protocol_error";
        }
        return guarded.toolErrorWritten() ? "tool_error" : "ok";
    }

    /** The token of a {@code Bearer} header, or null when the header is malformed. */
    static @Nullable String bearerToken(String authorization) {
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

    /** Whether a {@code Content-Type} is JSON ({@code application/json}, any parameters). */
    static boolean isJson(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        int semi = contentType.indexOf(';');
        String type = (semi >= 0 ? contentType.substring(0, semi) : contentType).trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json");
    }

    /** Whether an {@code Accept} header covers {@code mediaType} (exactly, or by a wildcard with q above 0). */
    static boolean accepts(@Nullable String accept, String mediaType) {
        if (accept == null) {
            return false;
        }
        String major = mediaType.substring(0, mediaType.indexOf('/'));
        for (String part : accept.split(",")) {
            String[] pieces = part.split(";");
            String type = pieces[0].trim().toLowerCase(Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
                if (p.equals("q=0") || p.equals("q=0.0") || p.equals("q=0.00") || p.equals("q=0.000")) {
                    refused = true;
                }
            }
            if (!refused && (type.equals(mediaType) || type.equals("*/*") || type.equals(major + "/*"))) {
                return true;
            }
        }
        return false;
    }

    private JsonRpcReply tooLarge() {
        return JsonRpcReply.of(413, JsonRpcReply.INVALID_REQUEST,
                "Payload Too Large: request bodies are limited to " + maxBodyBytes + " bytes");
    }

    private static String reason(int code) {
        return switch (code) {
            case JsonRpcReply.PARSE_ERROR -> "parse_error";
            case JsonRpcReply.INVALID_PARAMS -> "invalid_params";
            default -> "invalid_request";
        };
    }

    private void unauthorized(HttpServletResponse response, @Nullable String error, String message)
            throws IOException {
        response.setHeader("WWW-Authenticate", error == null ? "Bearer realm=\"tally-mcp\""
                : "Bearer realm=\"tally-mcp\", error=\"" + error + "\"");
        refuse(response, "unauthorized", JsonRpcReply.of(401, JsonRpcReply.SERVER_ERROR, message));
    }

    private void refuse(HttpServletResponse response, String reason, JsonRpcReply reply) throws IOException {
        listener.rejected(reason, reply.status());
        reply.writeTo(response);
    }
}
