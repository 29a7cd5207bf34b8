package io.tally.mcp.tool;

import io.modelcontextprotocol.common.McpTransportContext;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a tool handler knows about the call besides its arguments: the caller's credentials (bearer token plus the
 * provider headers it sent), taken from the MCP transport context of this request (never from a static or
 * thread-local shared across callers).
 */
public final class ToolContext {
    /**
     * The key under which the HTTP layer stores the request's caller: a {@link CallerToken} as a request attribute,
     * a {@link CallerCredentials} in the transport context.
     */
    public static final String CALLER_TOKEN_KEY = "io.tally.mcp.caller-token";

    /** The request attribute under which the provider headers of the request are stored (a map by header name). */
    public static final String CALLER_HEADERS_KEY = "io.tally.mcp.caller-headers";

    private final @Nullable CallerCredentials caller;

    private ToolContext(@Nullable CallerCredentials caller) {
        this.caller = caller;
    }

    /** The context of a call, read from the SDK's transport context. */
    public static ToolContext from(@Nullable McpTransportContext transportContext) {
        Object caller = transportContext == null ? null : transportContext.get(CALLER_TOKEN_KEY);
        if (caller instanceof CallerToken token) {
            return new ToolContext(CallerCredentials.of(token, java.util.Map.of()));
        }
        return new ToolContext(caller instanceof CallerCredentials c ? c : null);
    }

    /** A context for a known caller with a token only (tests, stdio with a configured token). */
    public static ToolContext of(@Nullable CallerToken caller) {
        return new ToolContext(caller == null ? null : CallerCredentials.of(caller, java.util.Map.of()));
    }

    /** A context for a known caller with a token and provider headers. */
    public static ToolContext of(@Nullable CallerCredentials caller) {
        return new ToolContext(caller);
    }

    /** The caller's credentials; empty over stdio, where the server's configured credentials are used. */
    public Optional<CallerCredentials> caller() {
        return Optional.ofNullable(caller);
    }

    /** A short, non-secret label of the caller for logs. */
    public String callerLabel() {
        return caller == null ? "server-token" : caller.shortHash();
    }
}
