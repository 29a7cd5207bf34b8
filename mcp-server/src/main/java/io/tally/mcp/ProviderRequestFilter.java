package io.tally.mcp;

import io.tally.mcp.http.JsonRpcReply;
import io.tally.mcp.tool.CallerCredentials;
import io.tally.mcp.tool.CallerHeader;
import io.tally.mcp.tool.ToolContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs after {@link io.tally.mcp.http.McpGuardFilter} on every route of one provider:
 * <ul>
 *   <li>reads the provider headers its callers send ({@link CallerHeader}, e.g. {@code X-Workspace-Id}), checks
 *       them and stores them for this request's tools (400 when a required one is missing or malformed); a request
 *       that uses the fallback token (no {@code Authorization} header) gets the fallback's headers for those it
 *       did not send;</li>
 *   <li>hands the MCP transport the provider's canonical path ({@code /mcp/<provider>}) for requests that came in
 *       on an alias ({@code /<provider>/mcp}, {@code /mcp}): the SDK transports accept only the path they were
 *       built for.</li>
 * </ul>
 */
final class ProviderRequestFilter implements Filter {
    private final String providerName;
    private final String canonicalPath;
    private final List<CallerHeader> headers;
    private final @Nullable CallerCredentials fallback;
    private final java.util.function.BiFunction<@Nullable String, Map<String, String>, @Nullable String> refuseCaller;

    /**
     * @param providerName  the provider's display name, for error texts
     * @param canonicalPath the path the transport serves
     * @param headers       the provider headers callers send
     * @param fallback      the credentials of requests that bring no token, or null
     */
    ProviderRequestFilter(String providerName, String canonicalPath, List<CallerHeader> headers,
            @Nullable CallerCredentials fallback) {
        this(providerName, canonicalPath, headers, fallback, (token, values) -> null);
    }

    /**
     * @param refuseCaller the module's check of a caller's token and headers ({@code ProviderModule.refuseCaller})
     */
    ProviderRequestFilter(String providerName, String canonicalPath, List<CallerHeader> headers,
            @Nullable CallerCredentials fallback,
            java.util.function.BiFunction<@Nullable String, Map<String, String>, @Nullable String> refuseCaller) {
        this.refuseCaller = refuseCaller;
        this.providerName = providerName;
        this.canonicalPath = canonicalPath;
        this.headers = List.copyOf(headers);
        this.fallback = fallback;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String authorization = request.getHeader("Authorization");
        CallerCredentials usedFallback = authorization == null || authorization.trim().isEmpty() ? fallback : null;
        Map<String, String> values = new LinkedHashMap<>();
        for (CallerHeader h : headers) {
            String raw = request.getHeader(h.name());
            if (raw == null && usedFallback != null) {
                raw = usedFallback.header(h.name()).orElse(null);
            }
            if (raw == null) {
                if (h.required()) {
                    badRequest(response, "send " + h.description() + " as '" + h.name() + ": <value>' with each "
                            + "request to " + providerName);
                    return;
                }
                continue;
            }
            try {
                values.put(h.name(), h.check(raw));
            } catch (IllegalArgumentException e) {
                badRequest(response, e.getMessage());
                return;
            }
        }
        String token = usedFallback != null ? usedFallback.token()
                : authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                        ? authorization.substring(7).trim() : null;
        String refusal = refuseCaller.apply(token, values);
        if (refusal != null) {
            badRequest(response, refusal);
            return;
        }
        request.setAttribute(ToolContext.CALLER_HEADERS_KEY, values);
        chain.doFilter(canonicalPath.equals(request.getRequestURI()) ? request : new CanonicalPath(request), response);
    }

    private static void badRequest(HttpServletResponse response, @Nullable String message) throws IOException {
        // a JSON-RPC error like every other refusal (the guard keeps its message: it names no Java type)
        response.setHeader("Cache-Control", "no-store");
        JsonRpcReply.of(400, JsonRpcReply.INVALID_REQUEST, "Bad Request: " + message).writeTo(response);
    }

    /** The request as the transport expects it: on the provider's canonical path. */
    private final class CanonicalPath extends HttpServletRequestWrapper {
        CanonicalPath(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getRequestURI() {
            return canonicalPath;
        }
    }
}
